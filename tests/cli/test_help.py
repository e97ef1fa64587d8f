"""Help as people read it: Chinese by default, English when asked, values named for what they are."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version

import pytest

from lawcheck.cli import COMMANDS, load_command
from lawcheck.messages.help import HELP_ZH, METAVARS
from tests.cli.conftest import ROOT, lawcheck


def _every_command():
    import typer

    from lawcheck.cli import app

    yield "", typer.main.get_command(app)
    for name in COMMANDS:
        command = load_command(name)
        yield name, command
        for sub_name, sub in getattr(command, "commands", {}).items():
            yield f"{name} {sub_name}", sub


def _keys_asked() -> dict[str, str]:
    """Every key the help asks HELP_ZH for, with the English it stands for."""
    import click

    asked = {f"{name} (summary)": summary for name, (_, _, summary) in COMMANDS.items()}
    for path, command in _every_command():
        asked[path or "lawcheck"] = command.help
        for p in command.get_params(click.Context(command, info_name=path or "lawcheck")):
            name = p.name.upper() if p.param_type_name == "argument" else max(p.opts, key=len)
            asked[f"{path} {name}" if f"{path} {name}" in HELP_ZH else name] = p.help
    return {key: text for key, text in asked.items() if text}


def test_every_help_text_is_said_in_chinese_and_every_chinese_text_is_asked_for():
    asked = _keys_asked()
    assert sorted(set(asked) - set(HELP_ZH)) == []
    assert sorted(set(HELP_ZH) - set(asked)) == []  # no dead key


def test_the_formats_in_the_help_are_the_registered_ones():
    from lawcheck import reporters

    for command in ("check", "batch"):
        for lang in ("zh", "en"):
            said = " ".join(lawcheck(command, "-h", "--lang", lang).out.split())
            assert " | ".join(reporters.names(command)) in said
    said = " ".join(lawcheck("batch", "-h").out.split())
    assert " ".join(reporters.by_suffix("batch")) in said and "junit | sarif | github" in said


def test_every_value_has_a_name():
    unnamed = [f"{path}: {p.name}" for path, command in _every_command() for p in command.params
               if not getattr(p, "is_flag", False) and p.name not in METAVARS]
    assert unnamed == []


def test_the_list_of_commands_says_what_each_does_as_its_own_help_does():
    for name, (_, _, summary) in COMMANDS.items():
        assert (load_command(name).help or "").split("\n\n")[0] == summary


@pytest.mark.parametrize("command", [["check"], ["batch"], ["annotate"], ["template"], ["explain"], ["eval"],
                                     ["checklist", "test"], ["config", "show"], []])
def test_help_is_chinese_with_readable_values(command):
    run = lawcheck(*command, "-h")
    assert run.code == 0, run.err
    assert run.out.startswith("用法：lawcheck " + "".join(c + " " for c in command) + "[选项]")
    for typer_ism in ("<bool>", "<list", "<str>", "<int>", "<float>", "<path>", "{", "Options", "╭"):
        assert typer_ism not in run.out
    assert "-h, --help  " in run.out or "-h, --help   " in run.out or "显示本帮助并退出" in run.out


def test_check_help_names_each_value():
    out = lawcheck("check", "-h").out
    assert "用法：lawcheck check [选项] 报告文件...\n" in out
    assert "  -o, --output 文件" in out and "  --min-score 分数" in out and "[默认：52428800]" in out
    assert "报告文件（.txt、.docx 等）；- 表示从标准输入读取一份 [必填]" in out


def test_english_help_when_asked_on_the_command_line_or_by_the_locale():
    for run in (lawcheck("check", "-h", "--lang", "en"), lawcheck("check", "--help", env={"LANG": "en_GB.UTF-8"})):
        assert run.out.startswith("Usage: lawcheck check [OPTIONS] FILES...\n")
        assert "  -o, --output FILE" in run.out and "[default: 52428800]" in run.out


def test_no_command_shows_the_commands_and_exits_2():
    run = lawcheck()
    assert run.code == 2
    assert "命令：\n  check      对照检查清单检查报告" in run.out


def test_a_mistyped_command_gets_the_closest_one():
    assert lawcheck("chek", "r.txt").err == "没有名为“chek”的命令（是不是要用 check？）；运行 lawcheck -h 查看用法。\n"
    assert lawcheck("checklist", "valdate", "x").err == (
        "没有名为“valdate”的命令（是不是要用 validate？）；运行 lawcheck checklist -h 查看用法。\n")


def test_only_the_command_that_runs_is_imported():
    code = ("import sys\nsys.argv = ['lawcheck', 'check', 'examples/qinghe-street-2024.txt', '-f', 'json']\n"
            "from lawcheck.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "loaded = sorted(m for m in sys.modules if m.startswith('lawcheck.commands.') or m == 'docx'"
            " or m.startswith('rich'))\nprint(loaded, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    loaded = eval(run.stderr.strip().splitlines()[-1])
    assert "lawcheck.commands.check" in loaded
    assert not [m for m in loaded if m.split(".")[-1] in ("annotate", "batch", "template", "explain", "checklist_cmd")]
    assert "docx" not in loaded  # a .txt report needs no Word reader
    assert not [m for m in loaded if m.startswith("rich")]  # JSON draws no table


def test_a_table_loads_what_it_draws_with_and_nothing_to_start_a_pool():
    code = ("import sys\nsys.argv = ['lawcheck', 'check', 'examples/yunling-town-2024.txt']\n"
            "from lawcheck.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('rich', 'multiprocessing', 'concurrent'))),"
            " file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    loaded = eval(run.stderr.strip().splitlines()[-1])
    assert "rich.table" in loaded
    if int(version("rich").split(".")[0]) >= 15:  # before 15, rich.console loads the table at import
        assert "rich._emoji_codes" not in loaded  # report text is not searched for :emoji: codes
    # one report: read and judged in one worker process (its budget), not a pool of them
    assert "multiprocessing" in loaded and "concurrent.futures" not in loaded


def test_a_quiet_batch_into_files_draws_nothing_and_loads_no_rich(tmp_path):
    out = tmp_path / "out.jsonl"
    code = ("import sys\nsys.argv = ['lawcheck', 'batch', 'examples', '--jobs', '1', '-q', '-o', sys.argv[1]]\n"
            "from lawcheck.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('rich', 'multiprocessing', 'concurrent'))),"
            " file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", code, str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    loaded = eval(run.stderr.strip().splitlines()[-1])
    assert not [m for m in loaded if m.startswith("rich")]  # no table, no progress bar
    assert "multiprocessing" in loaded  # the one worker that reads within the budget
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 3 and all(r["path"].startswith("examples") for r in records)  # a line a report
