"""Finding the original: an index of wire stories (one SQLite file) and the search that tells which stored
stories a republished article copies, or is a different version of."""
