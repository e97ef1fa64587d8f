"""The checklist authoring tests use the shared ``cli`` fixture of tests/conftest.py."""
