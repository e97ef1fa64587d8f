"""Messages of the pipeline gate: settings, waivers, CI formats, checklist authoring, explain."""

from __future__ import annotations

GATE_MESSAGES: dict[str, dict[str, str]] = {
    # the command line's own mistakes (lawcheck/commands/usage.py)
    "usage-no-option": {"zh": "没有 {option} 这个选项", "en": "There is no option {option}"},
    "usage-did-you-mean": {"zh": "（是不是要用 {options}？）", "en": " (did you mean {options}?)"},
    "usage-missing": {"zh": "缺少参数 {name}", "en": "The argument {name} is missing"},
    "usage-not-integer": {"zh": "{name} 的值应为整数", "en": "{name} needs a whole number"},
    "usage-not-number": {"zh": "{name} 的值应为数字", "en": "{name} needs a number"},
    "usage-bad-value": {"zh": "{name} 的值无效（{detail}）", "en": "{name} has an invalid value ({detail})"},
    "usage-no-command": {"zh": "没有名为“{name}”的命令", "en": "There is no command \"{name}\""},
    "usage-other": {"zh": "命令行有误（{detail}）", "en": "The command line is wrong ({detail})"},
    "usage-help": {"zh": "；运行 {command} -h 查看用法。", "en": "; run {command} -h for help."},
    "usage-range": {"zh": "{name} 的值 {value} 无效，应在 {low} 到 {high} 之间。",
                    "en": "{name} {value} is not valid; give a value from {low} to {high}."},
    "usage-positive": {"zh": "{name} 的值 {value} 无效，应为正整数。",
                       "en": "{name} {value} is not valid; give a positive whole number."},
    "usage-positive-number": {"zh": "{name} 的值 {value} 无效，应为正数。",
                              "en": "{name} {value} is not valid; give a positive number."},
    "usage-memory-limit": {"zh": "--memory-limit 的值 {value} 无效，应为不小于 64 的兆字节数。",
                           "en": "--memory-limit {value} is not valid; give a number of megabytes, 64 or more."},
    "interrupted": {"zh": "已中断，没有写出任何输出文件。", "en": "Interrupted; no output file was written."},
    "terminated": {"zh": "收到终止信号，已停止，没有写出任何输出文件。",
                   "en": "Terminated; stopped without writing any output file."},
    "interrupted-wrote": {"zh": "已中断。中断前已完整写出：{files}；其余输出文件没有写出。",
                          "en": "Interrupted. Written whole before stopping: {files}; no other output file was written."},
    "terminated-wrote": {"zh": "收到终止信号，已停止。停止前已完整写出：{files}；其余输出文件没有写出。",
                         "en": "Terminated. Written whole before stopping: {files}; no other output file was written."},
    "wrote-more": {"zh": "等 {count} 个文件", "en": "and others, {count} files in all"},
    # settings file
    "settings-missing": {
        "zh": "找不到设置文件 {path}。",
        "en": "Settings file {path} does not exist.",
    },
    "settings-unreadable": {
        "zh": "无法读取设置文件 {path}：{error}。",
        "en": "Settings file {path} cannot be read: {error}.",
    },
    "settings-yaml": {
        "zh": "{path}:{line}:{col}: 设置文件不是有效的 YAML：{error}",
        "en": "{path}:{line}:{col}: the settings file is not valid YAML: {error}",
    },
    "settings-invalid": {
        "zh": "设置文件 {path} 有以下错误：\n{problems}",
        "en": "Settings file {path} has these errors:\n{problems}",
    },
    "config-title": {"zh": "生效的设置", "en": "Settings in force"},
    "config-file": {"zh": "设置文件：{path}", "en": "Settings file: {path}"},
    "config-no-file": {"zh": "设置文件：无（当前目录及上级目录中没有 lawcheck.yaml）",
                       "en": "Settings file: none (no lawcheck.yaml here or above)"},
    "origin-default": {"zh": "默认", "en": "default"},
    "origin-command-line": {"zh": "命令行", "en": "command line"},
    "config-pass-score": {"zh": "检查清单的及格线 {score:g}", "en": "the checklist's pass mark, {score:g}"},
    "config-waiver": {
        "zh": "豁免 {item}：{files}，到期 {expires}，批准人 {approved_by}（{where}）",
        "en": "Waiver {item}: {files}, expires {expires}, approved by {approved_by} ({where})",
    },
    "config-waiver-expired": {"zh": "（已过期）", "en": " (expired)"},
    # waivers
    "waiver-expired": {
        "zh": "检查项 {item} 的豁免已于 {expires} 到期，不再生效（{where}）。",
        "en": "The waiver for {item} expired on {expires} and no longer applies ({where}).",
    },
    "waiver-unused": {
        "zh": "{where}: 检查项 {item} 的豁免（{files}）没有匹配到本次检查的任何文件。",
        "en": "{where}: the waiver for {item} ({files}) matched none of the files checked.",
    },
    "waiver-today": {
        "zh": "环境变量 LAWCHECK_TODAY 的值“{value}”不是 YYYY-MM-DD 格式的日期。",
        "en": "LAWCHECK_TODAY \"{value}\" is not a date in the form YYYY-MM-DD.",
    },
    # CI formats
    "ci-score-case": {"zh": "得分与及格线", "en": "score and pass mark"},
    "ci-score-failed": {"zh": "得分 {score} 低于及格线 {threshold}", "en": "Score {score} is below the pass mark {threshold}"},
    "ci-missing": {"zh": "缺少“{title}”：{hint}", "en": "Missing \"{title}\": {hint}"},
    "ci-partial": {"zh": "“{title}”只部分符合：{hint}", "en": "\"{title}\" is only partly met: {hint}"},
    "ci-near": {"zh": "最接近的原文：{text}", "en": "Closest text: {text}"},
    "ci-waived": {"zh": "“{title}”已豁免：{reason}", "en": "\"{title}\" is waived: {reason}"},
    # checklist authoring
    "checklist-valid": {
        "zh": "{path}: 检查清单有效（{id}，{items} 个检查项）。",
        "en": "{path}: the checklist is valid ({id}, {items} items).",
    },
    "checklist-merge-problem": {
        "zh": "{path}:{line}:{col}: {key}: 基础清单 {base} 中没有检查项“{item}”",
        "en": "{path}:{line}:{col}: {key}: found \"{item}\", expected an item of the base checklist {base}",
    },
    "checklist-list-row": {"zh": "{id}  {title}（{version}，{items} 项，及格线 {score:g}）",
                           "en": "{id}  {title} ({version}, {items} items, pass mark {score:g})"},
    "checklist-show-head": {
        "zh": "{title}（{id}，版本 {version}）\n依据：{basis}\n及格线：{score:g}；公开期限：{deadline}",
        "en": "{title} ({id}, version {version})\nBasis: {basis}\nPass mark: {score:g}; publication deadline: {deadline}",
    },
    "checklist-show-item": {"zh": "{id}  {title}\n    {severity} · 权重 {weight:g} · 依据：{basis}",
                            "en": "{id}  {title}\n    {severity} · weight {weight:g} · basis: {basis}"},
    "checklist-test-pass": {"zh": "通过", "en": "PASS"},
    "checklist-test-fail": {"zh": "失败", "en": "FAIL"},
    "checklist-test-case": {"zh": "{verdict}  {item} [{want}] {text}", "en": "{verdict}  {item} [{want}] {text}"},
    "checklist-test-got": {"zh": "      期望 {want}，实际 {got}", "en": "      expected {want}, got {got}"},
    "checklist-test-summary": {"zh": "{passed} passed, {failed} failed", "en": "{passed} passed, {failed} failed"},
    "checklist-test-no-cases": {"zh": "{path} 中没有任何 examples 示例可供测试。",
                                "en": "{path} has no examples to test."},
    "checklist-test-fixtures": {"zh": "找不到样例目录 {path}，或其中没有 labels.yaml（与 lawcheck eval 相同的标注格式）。",
                                "en": "Fixtures folder {path} does not exist or has no labels.yaml "
                                      "(the labels format of lawcheck eval)."},
    "item-unknown": {
        "zh": "检查清单 {checklist} 中没有检查项“{item}”；可用的有：{ids}。",
        "en": "Checklist {checklist} has no item \"{item}\"; available: {ids}.",
    },
    "none": {"zh": "无", "en": "none"},
    # explain: a match clause in words
    "eval-head": {"zh": "条目|一致|精确率|召回率", "en": "item|agree|precision|recall"},
    "eval-item": {"zh": "{name}：{item}：lawcheck 判为 {said}，标注为 {label}",
                  "en": "{name}: {item}: lawcheck says {said}, the label says {label}"},
    "eval-meta": {"zh": "{name}：{attribute}：lawcheck 读出 {said}，标注为 {label}",
                  "en": "{name}: {attribute}: lawcheck read {said}, the label says {label}"},
    "eval-org-empty": {"zh": "{name}：未读出单位，标注为 {label}", "en": "{name}: org empty, the label says {label}"},
    "eval-org-wrong": {"zh": "{name}：单位读错：{said}，标注为 {label}",
                       "en": "{name}: WRONG org {said}, the label says {label}"},
    "eval-names": {"zh": "单位名称：正确 {right}，未读出 {empty}，读错 {wrong}",
                   "en": "body names: right {right} ; empty {empty} ; wrong {wrong}"},
    "eval-finding-missed": {"zh": "{name}：未提示 {finding}", "en": "{name}: finding {finding} not raised"},
    "eval-finding-extra": {"zh": "{name}：提示了 {finding}，标注中没有",
                           "en": "{name}: finding {finding} raised, not in the labels"},
    "eval-metadata": {"zh": "元数据 {agreed}/{total}（{pct:.1f}%）：{parts}",
                      "en": "metadata {agreed}/{total} ({pct:.1f}%): {parts}"},
    "eval-agreement": {"zh": "一致 {agreed}/{total}（{pct:.1f}%）；提示 {ok}/{findings}；多出的提示 {extra}；无法读取 {unreadable}",
                       "en": "agreement {agreed}/{total} ({pct:.1f}%) ; findings {ok}/{findings} ; "
                             "extra findings {extra} ; unreadable {unreadable}"},
    "explain-head": {"zh": "{id}  {title}（{severity}，权重 {weight:g}）", "en": "{id}  {title} ({severity}, weight {weight:g})"},
    "explain-basis": {"zh": "依据：{basis}", "en": "Basis: {basis}"},
    "explain-met": {"zh": "符合：{text}", "en": "Met when: {text}"},
    "explain-partial": {"zh": "部分符合：{text}", "en": "Partly met when: {text}"},
    "explain-partial-in": {"zh": "以下情形只算部分符合：{reasons}", "en": "Counted as partial only: {reasons}"},
    "explain-min-count": {"zh": "需要至少 {count} 句符合", "en": "At least {count} sentences must hold"},
    "explain-exclude-in": {"zh": "不计入这些部分中的表述：{sections}", "en": "Not counted inside these parts: {sections}"},
    "explain-traps": {"zh": "不算（陷阱 {reason}）：{text}", "en": "Does not count (trap {reason}): {text}"},
    "explain-context": {
        "zh": "默认不算：否定表述（未、尚未、不到位……）、打算而非已做的工作（将、拟、下一步……）、《》文件名中的提法",
        "en": "Never counted: negated mentions (未, 尚未, 不到位…), intentions rather than work done (将, 拟, 下一步…), "
              "mentions inside a 《》 title"},
    "explain-context-off": {"zh": "本项关闭的默认检查：{checks}", "en": "Default checks switched off here: {checks}"},
    "explain-parts": {"zh": "由以下 {count} 个子项组成，需符合其中 {need} 个：", "en": "Made of {count} parts, {need} of which must be met:"},
    "explain-hint": {"zh": "建议：{hint}", "en": "Advice: {hint}"},
    "explain-all-sep": {"zh": "；并且", "en": "; and "},
    "explain-or": {"zh": "，或者", "en": ", or "},
    "explain-section-def": {"zh": "“{name}”部分：标题形如{patterns}", "en": "the \"{name}\" part: a heading shaped like {patterns}"},
    "explain-legend": {"zh": "（形如：[甲/乙] 为其中之一，…… 为中间隔几个字，(甲) 为可有可无，× 为数字）",
                       "en": "(shapes: [a/b] is one of them, …… a few characters between, (a) may be left out, × a digit)"},
    "explain-year": {"zh": "报告年度", "en": "<the report's year>"},
    "explain-next-year": {"zh": "下一年度", "en": "<the next year>"},
    "explain-finding-runs": {"zh": "检查清单 {checklist} 运行此项检查。", "en": "Checklist {checklist} runs this check."},
    "explain-finding-off": {"zh": "检查清单 {checklist} 不运行此项检查。", "en": "Checklist {checklist} does not run this check."},
    "explain-finding-year-mismatch": {
        "zh": "标题写的年度与正文所写工作的年度（正文中出现最多的年份，不计下一年度安排部分和《》文件名）不一致时提示。",
        "en": "Raised when the year in the title is not the year the body describes (the year named most often, "
              "outside the plans part and 《》 titles)."},
    "explain-finding-plan-year": {
        "zh": "下一年度安排部分标题中的年份不是报告年度的下一年时提示。",
        "en": "Raised when the plans part's heading names another year than the one after the report's."},
    "explain-finding-placeholders": {
        "zh": "正文留有模板占位符时提示：XX、××、x镇、20xx年、*次、〇〇、【】、____、_村_ 等。",
        "en": "Raised for template placeholders left in the text: XX, ××, x镇, 20xx年, *次, 〇〇, 【】, ____, _村_…"},
    "explain-finding-title-form": {
        "zh": "标题没有写明年度、“法治政府建设”或“报告”，或者找不到标题时提示。",
        "en": "Raised when the title names no year, no 法治政府建设 or no 报告, or when there is no title."},
    "explain-finding-deadline": {
        "zh": "报告落款或发布日期晚于检查清单规定的公开期限（国家规定为次年4月1日前）时提示。",
        "en": "Raised when the date of issue or publication is after the checklist's deadline (1 April nationally)."},
    "explain-finding-stale-wording": {
        "zh": "2021年及以后的报告仍沿用2015—2020年纲要的旧表述（如“廉洁高效、守法诚信”）时提示。",
        "en": "Raised when a report for 2021 or later keeps the 2015–2020 outline's wording (廉洁高效、守法诚信)."},
    "explain-finding-thin-evidence": {
        "zh": "举措和成效部分（不含存在问题和下一年度安排）的具体数据少于3处时提示。",
        "en": "Raised when the measures (outside the shortcomings and plans parts) give fewer than 3 concrete figures."},
    "explain-check-negation": {"zh": "否定", "en": "negation"},
    "explain-check-future": {"zh": "打算", "en": "intention"},
    "explain-check-titles": {"zh": "《》文件名", "en": "《》 titles"},
    "explain-check-headings": {"zh": "标题也计入", "en": "headings count too"},
}
