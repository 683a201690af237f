"""Survey entry, field packages and merge: the Qt views over assetmap.survey."""
