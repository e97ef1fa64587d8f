"""Messages of the core: checklists, usage, the report table, near-miss reasons, findings."""

from __future__ import annotations

CORE_MESSAGES: dict[str, dict[str, str]] = {
    # checklists
    "checklist-unknown": {
        "zh": "没有名为“{name}”的内置检查清单；可用的有：{ids}，也可以给出 YAML 文件路径。",
        "en": "There is no built-in checklist named \"{name}\"; available: {ids}, or give a path to a YAML file.",
    },
    "checklist-missing": {
        "zh": "找不到检查清单文件 {path}。",
        "en": "Checklist file {path} does not exist.",
    },
    "checklist-unreadable": {
        "zh": "无法读取检查清单文件 {path}：{error}。",
        "en": "Checklist file {path} cannot be read: {error}.",
    },
    "checklist-encoding": {
        "zh": "检查清单文件 {path} 不是 UTF-8 编码。",
        "en": "Checklist file {path} is not UTF-8 text.",
    },
    "checklist-yaml": {
        "zh": "{path}:{line}:{col}: 检查清单不是有效的 YAML：{error}",
        "en": "{path}:{line}:{col}: the checklist is not valid YAML: {error}",
    },
    "checklist-invalid": {
        "zh": "检查清单 {path} 有以下错误：\n{problems}",
        "en": "Checklist {path} has these errors:\n{problems}",
    },
    "checklist-cycle": {
        "zh": "检查清单 {path} 通过 extends 循环引用了自身。",
        "en": "Checklist {path} extends itself in a loop.",
    },
    "regex-invalid": {
        "zh": "检查清单中的正则表达式 {pattern} 无效：{error}。",
        "en": "The checklist regex {pattern} is invalid: {error}.",
    },
    "regex-timeout": {
        "zh": "检查清单中的正则表达式 {pattern} 运行超过 {seconds} 秒仍未结束（可能存在灾难性回溯），请简化它。",
        "en": "The checklist regex {pattern} ran for more than {seconds} s (catastrophic backtracking?); simplify it.",
    },
    "usage-fail-on": {
        "zh": "--fail-on 的值“{value}”无效，应为 required、partial 或 none。",
        "en": "--fail-on \"{value}\" is not valid; use required, partial or none.",
    },
    "usage-format": {
        "zh": "输出格式“{value}”无效，可用的有：{formats}。",
        "en": "Output format \"{value}\" is not valid; available: {formats}.",
    },
    "usage-lang": {
        "zh": "语言“{value}”无效，应为 zh 或 en。",
        "en": "Language \"{value}\" is not valid; use zh or en.",
    },
    "usage-no-files": {
        "zh": "请至少给出一个报告文件。",
        "en": "Give at least one report file.",
    },
    "usage-output-suffix": {
        "zh": "无法从输出文件名 {path} 看出要写成什么格式；请用这些扩展名之一：{suffixes}，或用 --format 指定格式。",
        "en": "The output file name {path} does not say which format to write; use one of {suffixes}, "
              "or name the format with --format.",
    },
    "usage-output-conflict": {
        "zh": "输出文件 {path} 的扩展名表示 {named} 格式，与 --format {given} 矛盾；请去掉其中之一。",
        "en": "The output file {path} is named as {named}, but --format says {given}; drop one of them.",
    },
    "usage-output-dir": {
        "zh": "无法写入输出文件 {path}：{error}。",
        "en": "Cannot write the output file {path}: {error}.",
    },
    "labels-invalid": {
        "zh": "标注文件 {path} 无法读取：{error}。",
        "en": "Labels file {path} cannot be read: {error}.",
    },
    # statuses and table labels
    # Marks every Chinese code page has (GBK, GB2312, Big5): a table printed to a console
    # or a file in one of them shows them, where ✔ ◐ ✘ would not be written at all.
    "status-met": {"zh": "√ 符合", "en": "√ met"},
    "status-partial": {"zh": "○ 部分", "en": "○ partial"},
    "status-missing": {"zh": "× 缺失", "en": "× missing"},
    "status-waived": {"zh": "◇ 豁免", "en": "◇ waived"},
    "severity-required": {"zh": "必备", "en": "required"},
    "severity-recommended": {"zh": "建议", "en": "recommended"},
    "severity-info": {"zh": "提示", "en": "info"},
    "col-item": {"zh": "检查项", "en": "Item"},
    "col-status": {"zh": "状态", "en": "Status"},
    "col-detail": {"zh": "依据原文 / 修改建议", "en": "Evidence / what to add"},
    "label-hint": {"zh": "建议：", "en": "Add: "},
    "label-near": {"zh": "最接近：", "en": "Closest: "},
    "label-partial-why": {"zh": "只算部分：{reason}", "en": "counts only in part: {reason}"},
    "label-section": {"zh": "位置：", "en": "In: "},
    "meta-line": {
        "zh": "标题：{title} · 年度：{year} · 单位：{org} · 日期：{date}",
        "en": "Title: {title} · Year: {year} · Body: {org} · Date: {date}",
    },
    "unknown": {"zh": "未识别", "en": "unknown"},
    "summary-pass": {
        "zh": "得分 {score} / 100（及格线 {threshold}）· 通过",
        "en": "Score {score} / 100 (pass mark {threshold}) · PASS",
    },
    "summary-fail": {
        "zh": "得分 {score} / 100（及格线 {threshold}）· 未通过",
        "en": "Score {score} / 100 (pass mark {threshold}) · FAIL",
    },
    "why": {"zh": "未通过原因：{reasons}。", "en": "Failed because: {reasons}."},
    "why-sep": {"zh": "；", "en": "; "},
    "why-score": {"zh": "得分 {score} 低于及格线 {threshold}", "en": "the score {score} is below the pass mark {threshold}"},
    "why-missing": {"zh": "缺少必备项 {items}", "en": "required items are missing: {items}"},
    "why-partial": {"zh": "必备项只部分符合（--fail-on partial 不允许）：{items}",
                    "en": "required items are only partly met (--fail-on partial allows none): {items}"},
    "summary-missing": {"zh": "缺失 {count} 项：{items}", "en": "{count} missing: {items}"},
    "summary-partial": {"zh": "部分符合 {count} 项：{items}", "en": "{count} partial: {items}"},
    "summary-complete": {"zh": "所有检查项均已符合。", "en": "Every item is met."},
    "findings-title": {"zh": "其他发现", "en": "Other findings"},
    "error-row": {"zh": "无法检查：{message}", "en": "Not checked: {message}"},
    # near-miss reasons
    "reason-negated": {"zh": "否定表述", "en": "negated"},
    "reason-future": {"zh": "是打算而非已做的工作", "en": "an intention, not work done"},
    "reason-heading": {"zh": "只是标题，正文没有具体内容", "en": "only a heading, with nothing said under it"},
    "reason-placeholder": {"zh": "是模板中的填写提示，不是正文", "en": "template guidance, not content"},
    "reason-title": {"zh": "仅出现在《》文件名中", "en": "only inside a 《》 title"},
    "reason-normative": {"zh": "是对他人提出的要求，不是已做的工作",
                         "en": "a rule for others (要, 应当, 必须), not work done"},
    # who acted (the deed kind's doer classes, see cues.yaml)
    "reason-collective": {"zh": "是领导班子或会议集体的活动，未写明主要负责人本人做了什么",
                          "en": "an act of a leadership body or meeting, not of the principal leader"},
    "reason-leaders": {"zh": "是领导干部的一般活动，不是主要负责人本人",
                       "en": "an act of leaders in general, not of the principal leader"},
    "reason-group-head": {"zh": "主要负责人只是任领导小组组长，未写明本人做了什么",
                          "en": "the principal leader only heads a leading group"},
    "reason-body": {"zh": "是单位整体的活动，未写明主要负责人本人做了什么",
                    "en": "an act of the body as a whole, not of the principal leader"},
    "reason-unnamed": {"zh": "没有写明是谁做的，未写明主要负责人本人",
                       "en": "who did it is not said; the principal leader is not named"},
    # findings
    "finding-year-mismatch": {
        "zh": "标题写的是 {title_year} 年，正文讲的却是 {year} 年的工作。",
        "en": "The title says {title_year}, but the body describes {year}.",
    },
    "finding-plan-year": {
        "zh": "下一年度安排写的是 {plan_year} 年，{year} 年度报告应安排 {expected} 年的工作。",
        "en": "The plans are for {plan_year}; a report for {year} should plan {expected}.",
    },
    "finding-placeholders": {
        "zh": "有 {count} 处模板占位符没有填写（如 XX、××、*次、【】、____）。",
        "en": "{count} template placeholders were left unfilled (XX, ××, *次, 【】, ____…).",
    },
    "finding-title-form": {
        "zh": "标题不规范：{problem}。",
        "en": "The title is not in the expected form: {problem}.",
    },
    "title-none": {"zh": "找不到报告标题", "en": "no title was found"},
    "title-no-year": {"zh": "没有写明年度", "en": "it names no year"},
    "title-no-subject": {"zh": "没有写明“法治政府建设”", "en": "it does not say 法治政府建设"},
    "title-no-kind": {"zh": "没有写明是“报告”", "en": "it does not say it is a 报告"},
    "finding-deadline": {
        "zh": "报告日期 {date} 晚于规定期限（应在 {due} 之前公开）。",
        "en": "The report is dated {date}, after the deadline ({due}).",
    },
    "finding-stale-wording": {
        "zh": "{year} 年度报告仍沿用 2015—2020 年纲要的旧表述（如“廉洁高效、守法诚信”），请按 2021—2025 年纲要更新。",
        "en": "A report for {year} still uses the 2015–2020 outline's wording; update it to the 2021–2025 outline.",
    },
    "finding-thin-evidence": {
        "zh": "工作举措部分只有 {count} 处具体数据（建议至少 {minimum} 处），成效缺少事实支撑。",
        "en": "The measures part has only {count} concrete figures (at least {minimum} advised).",
    },
    "internal-error": {
        "zh": "lawcheck 内部错误：{error}（请报告此问题；设置 LAWCHECK_DEBUG=1 可查看详情）。",
        "en": "lawcheck internal error: {error} (please report it; set LAWCHECK_DEBUG=1 for details).",
    },
}
