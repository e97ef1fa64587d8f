"""The checklists shipped with lawcheck (YAML data; installed as ``lawcheck.checklists``)."""
