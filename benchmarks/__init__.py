"""treve's benchmarks: speed as ratios to a baseline measured in the same run, and peak memory."""
