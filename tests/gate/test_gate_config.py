"""The settings file: found upwards, validated with located errors, beaten by the command line."""

from __future__ import annotations

import json
from pathlib import Path

from lawcheck.commands.config import find


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_found_in_the_current_folder_or_a_parent(project):
    write(project / "lawcheck.yaml", "lang: en\n")
    (project / "a" / "b").mkdir(parents=True)
    assert find(project / "a" / "b") == project / "lawcheck.yaml"
    assert find(project) == project / "lawcheck.yaml"


def test_settings_apply_to_check(project, cli):
    write(project / "lawcheck.yaml", "checklist: mini.yaml\nfail_on: none\nformat: json\n")
    run = cli("check", "reports/town.txt")
    assert run.code == 0  # fail_on none: the score (60) reaches the checklist's pass mark
    assert json.loads(run.out)["checklist"]["id"] == "mini"


def test_the_checklist_path_is_relative_to_the_settings_file(project, cli, monkeypatch):
    write(project / "lawcheck.yaml", "checklist: mini.yaml\nformat: json\n")
    monkeypatch.chdir(project / "reports")
    run = cli("check", "town.txt", "--exit-zero")
    assert run.code == 0
    assert json.loads(run.out)["checklist"]["id"] == "mini"


def test_the_command_line_wins(project, cli):
    write(project / "lawcheck.yaml", "checklist: mini.yaml\nfail_on: none\nmin_score: 10\nformat: json\n")
    assert cli("check", "reports/town.txt").code == 0
    assert cli("check", "reports/town.txt", "--fail-on", "required").code == 1
    assert cli("check", "reports/town.txt", "--min-score", "90").code == 1
    assert cli("check", "reports/town.txt", "-f", "github").out.startswith("::")


def test_config_names_a_settings_file(project, cli):
    write(project / "other.yaml", "checklist: mini.yaml\nmin_score: 99\n")
    assert cli("check", "reports/partial.txt").code != 0  # the default checklist
    assert cli("check", "reports/partial.txt", "--config", "other.yaml").code == 1
    assert cli("check", "reports/partial.txt", "--config", "other.yaml", "--min-score", "50").code == 0


def test_a_missing_config_file_is_a_usage_error(project, cli):
    run = cli("check", "reports/town.txt", "--config", "nope.yaml")
    assert (run.code, run.err) == (2, "找不到设置文件 nope.yaml。\n")


def test_every_problem_is_reported_with_its_place(project, cli):
    write(project / "lawcheck.yaml", (
        "checklist: mini.yaml\n"
        "min_score: high\n"
        "fail_on: sometimes\n"
        "colour: red\n"
        "waivers:\n"
        "  - item: recording\n"
        "    files: '*.txt'\n"
        "    reason: 无执法权\n"
        "    expires: 2025-13-01\n"
    ))
    run = cli("check", "reports/town.txt", "--lang", "en")
    assert run.code == 2
    assert run.err == (
        "Settings file lawcheck.yaml has these errors:\n"
        "lawcheck.yaml:2:12: min_score: found \"high\", expected a number\n"
        "lawcheck.yaml:3:10: fail_on: found \"sometimes\", expected one of required, partial, none\n"
        "lawcheck.yaml:4:1: colour: found unknown key 'colour', expected one of bodies, checklist, db, fail_on, "
        "feedback_date, feedback_deadline, feedback_from, feedback_passing, format, lang, memory_limit, min_score, "
        "time_limit, waivers, year\n"
        "lawcheck.yaml:6:5: waivers.0: found no 'approved_by', expected 'approved_by' to be set\n"
    )


def test_an_impossible_date_is_reported(project, cli):
    write(project / "lawcheck.yaml", (
        "waivers:\n"
        "  - {item: recording, files: '*.txt', reason: 无, approved_by: 张三, expires: 2025-02-30}\n"
    ))
    run = cli("check", "reports/town.txt", "--lang", "en")
    assert run.code == 2
    assert run.err == ("Settings file lawcheck.yaml has these errors:\n"
                       "lawcheck.yaml:2:76: waivers.0.expires: found \"2025-02-30\", "
                       "expected a real date YYYY-MM-DD\n")


def test_broken_yaml_is_located(project, cli):
    write(project / "lawcheck.yaml", "lang: [zh\n")
    run = cli("check", "reports/town.txt")
    assert run.code == 2
    assert run.err.startswith("lawcheck.yaml:2:1: 设置文件不是有效的 YAML：")


def test_an_empty_settings_file_is_fine(project, cli):
    write(project / "lawcheck.yaml", "# nothing yet\n")
    assert cli("check", "-c", "mini.yaml", "reports/partial.txt").code == 0


def test_config_show_says_where_each_value_came_from(project, cli, monkeypatch):
    write(project / "lawcheck.yaml", "checklist: mini.yaml\n\nfail_on: partial\n")
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    run = cli("config", "show", "--lang", "en")
    assert run.code == 0
    assert run.out == (
        "Settings file: ../lawcheck.yaml\n"
        "checklist         ../mini.yaml                 ../lawcheck.yaml:1\n"
        "min_score         the checklist's pass mark, 60 default\n"
        "fail_on           partial                      ../lawcheck.yaml:3\n"
        "lang              en                           command line\n"
        "format            table                        default\n"
        "db                —                            default\n"
        "bodies            —                            default\n"
        "feedback_deadline —                            default\n"
        "time_limit        30                           default\n"
        "memory_limit      1024                         default\n"
        "feedback_from     —                            default\n"
        "feedback_date     —                            default\n"
        "feedback_passing  acknowledge                  default\n"
        "year              —                            default\n"
    )


def test_config_show_without_a_settings_file(project, cli):
    run = cli("config", "show", "--min-score", "75", "-c", "mini.yaml")
    assert run.out.splitlines()[0] == "设置文件：无（当前目录及上级目录中没有 lawcheck.yaml）"
    assert "min_score         75                           命令行" in run.out


def test_the_language_of_the_settings_file_speaks_the_messages(project, cli):
    write(project / "lawcheck.yaml", "lang: en\n")
    run = cli("check", "-c", "mini.yaml", "reports/gone.txt")
    assert (run.code, run.err) == (2, "File reports/gone.txt does not exist.\n")


def test_every_unknown_key_is_reported_at_once_with_a_suggestion(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lawcheck.yaml").write_text("min_scor: 70\nlnag: en\nfailon: partial\nmin_score: 120\n",
                                            encoding="utf-8")
    (tmp_path / "r.txt").write_text("青禾街道2024年法治政府建设年度报告\n", encoding="utf-8")
    run = cli("check", "r.txt", "--lang", "en")
    assert run.code == 2
    assert run.err == (
        "Settings file lawcheck.yaml has these errors:\n"
        "lawcheck.yaml:1:1: min_scor: found unknown key 'min_scor', expected 'min_score' (did you mean it?)\n"
        "lawcheck.yaml:2:1: lnag: found unknown key 'lnag', expected 'lang' (did you mean it?)\n"
        "lawcheck.yaml:3:1: failon: found unknown key 'failon', expected 'fail_on' (did you mean it?)\n"
        "lawcheck.yaml:4:12: min_score: found 120, expected at most 100\n")
