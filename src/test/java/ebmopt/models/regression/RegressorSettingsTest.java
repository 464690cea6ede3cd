package ebmopt.models.regression;

import com.typesafe.config.ConfigFactory;
import ebmopt.config.ConfigError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regressor settings: binding over the defaults, and messages that name the bad key. */
class RegressorSettingsTest {

    @Test
    void bindsOverTheDefaults() {
        RegressorSettings s = RegressorSettings.bind(ConfigFactory.parseString(
                "hidden-layers = [16, 8], trainer = spark, averaging-frequency = 3"), "params.forward-model");
        assertEquals(List.of(16, 8), s.hiddenLayers());
        assertEquals(TrainerKind.SPARK, s.trainer());
        assertEquals(3, s.averagingFrequency());
        assertEquals(RegressorSettings.defaults().learningRate(), s.learningRate());
        assertEquals(HiddenActivation.LEAKY_RELU, RegressorSettings.defaults().activation());
    }

    @Test
    void namesTheKeyOfABadValue() {
        ConfigError bad = assertThrows(ConfigError.class, () -> RegressorSettings.bind(
                ConfigFactory.parseString("learning-rate = 0"), "params.forward-model"));
        assertTrue(bad.getMessage().contains("params.forward-model.learning-rate") && bad.getMessage()
                .contains("must be a finite number > 0"), bad.getMessage());
        ConfigError width = assertThrows(ConfigError.class, () -> RegressorSettings.bind(
                ConfigFactory.parseString("hidden-layers = [16, 0]"), "r"));
        assertTrue(width.getMessage().contains("r.hidden-layers") && width.getMessage().contains(">= 1"),
                width.getMessage());
        ConfigError unknown = assertThrows(ConfigError.class, () -> RegressorSettings.bind(
                ConfigFactory.parseString("workers = 2"), "r"));
        assertTrue(unknown.getMessage().contains("r.workers") && unknown.getMessage().contains("spark-workers"),
                unknown.getMessage());
        ConfigError trainer = assertThrows(ConfigError.class, () -> RegressorSettings.bind(
                ConfigFactory.parseString("trainer = yarn"), "r"));
        assertTrue(trainer.getMessage().contains("[local, spark]"), trainer.getMessage());
    }

    @Test
    void sparkTrainingOutsideTheDriverFailsClearly() {
        SmoothFunction data = new SmoothFunction(50, 1);
        RegressorSettings spark = RegressorSettings.defaults().withTrainer(TrainerKind.SPARK);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RegressorTrainer.forContext(Optional.empty()).fit(data.x, data.y, spark, 1));
        assertTrue(e.getMessage().contains("runsOnDriver"), e.getMessage());
    }
}
