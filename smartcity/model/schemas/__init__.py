"""Data models. Every module here may declare `SOURCES`, a list of `Source`;
the loader discovers them, so adding a kind of data touches no shared file."""
