"""The 2019/2021 national template: its tables (表二/三/四), their checks and the reviewer's checklist (rules in data/rules.toml)."""
