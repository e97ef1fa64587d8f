"""Helpers shared by the tests: real report files in the forms users have."""
