"""Running over many files: which files a path names (discovery), the result cache, and the worker
processes that lint them."""
