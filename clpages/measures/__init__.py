"""An evaluation's measures in and out of spreadsheets: results imported from other systems,
checked row by row and saved all together or not at all; every measure and result exported."""
