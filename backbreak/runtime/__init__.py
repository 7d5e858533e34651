"""Qt glue without widgets: the engine driver, the clock, and the one place that makes timers."""
