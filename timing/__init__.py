"""Time itself: clocks, the speaker timer, schedule drift, time-zone helpers. Plain Python."""
