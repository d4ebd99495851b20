"""Event extraction rules: the trigger lexicon, actors, dates and merging, used by `veille_events`."""
