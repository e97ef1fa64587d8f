"""Messages of ``lawcheck batch`` and its outputs (zh default, en), merged into ``lawcheck.messages.MESSAGES``."""

from __future__ import annotations

BATCH_MESSAGES: dict[str, dict[str, str]] = {
    # usage
    "batch-no-input": {
        "zh": "找不到 {path}：它不是文件或文件夹，也没有匹配的文件。",
        "en": "{path} was not found: it is not a file or folder, and no file matches it.",
    },
    "batch-no-reports": {
        "zh": "在 {inputs} 中没有找到报告文件（支持的格式：{suffixes}）。",
        "en": "No report files were found in {inputs} (supported: {suffixes}).",
    },
    "batch-usage-jobs": {
        "zh": "--jobs 的值 {value} 无效，应为 0（每个处理器核心一个进程）或正整数。",
        "en": "--jobs {value} is not valid; use 0 (one process per core) or a positive number.",
    },
    "batch-xlsx-terminal": {
        "zh": "xlsx 是二进制文件，不能显示在终端上；请用 --output 文件名.xlsx 保存。",
        "en": "xlsx is a binary file and cannot be shown in a terminal; save it with --output NAME.xlsx.",
    },
    "feedback-holds-inputs": {
        "zh": "反馈意见文件夹 {path} 中有本次要检查的报告（如 {report}）；反馈意见不能与报告混放，"
              "请另指定一个文件夹，或用 --exclude 排除其中的文件。",
        "en": "The feedback folder {path} holds reports being checked (such as {report}); letters are not "
              "written among the reports: give another folder, or leave its files out with --exclude.",
    },
    "output-is-input": {
        "zh": "输出文件 {path} 是被检查的报告之一；lawcheck 不会改写输入文件，请换一个输出路径。",
        "en": "The output file {path} is one of the reports being checked; lawcheck never overwrites an input.",
    },
    "batch-compare-unreadable": {
        "zh": "无法读取上一年度的结果文件 {path}：{error}。",
        "en": "Last year's results {path} cannot be read: {error}.",
    },
    "batch-compare-invalid": {
        "zh": "上一年度的结果文件 {path} 不是 lawcheck --format json 的输出：{error}。",
        "en": "Last year's results {path} are not a lawcheck --format json output: {error}.",
    },
    "batch-errors-note": {
        "zh": "有 {count} 个文件无法读取，原因已列在汇总中。",
        "en": "{count} files could not be read; the reasons are in the summary.",
    },
    # progress and summary
    "batch-progress": {"zh": "检查报告", "en": "Checking"},
    "batch-rate": {"zh": "{rate} 份/秒", "en": "{rate} reports/s"},
    "batch-verdict-passed": {"zh": "通过", "en": "passed"},
    "batch-verdict-failed": {"zh": "未通过", "en": "failed"},
    "batch-verdict-error": {"zh": "无法读取", "en": "unreadable"},
    "batch-ranked-title": {"zh": "得分排名", "en": "Ranking"},
    "batch-coverage-title": {"zh": "各检查项覆盖情况（{count} 份可读报告）",
                             "en": "Coverage of each item ({count} readable reports)"},
    "batch-col-report": {"zh": "报告", "en": "Report"},
    "batch-col-org": {"zh": "单位", "en": "Body"},
    "batch-col-year": {"zh": "年度", "en": "Year"},
    "batch-col-score": {"zh": "得分", "en": "Score"},
    "batch-col-verdict": {"zh": "结论", "en": "Verdict"},
    "batch-col-missing": {"zh": "缺失的必备项 / 原因", "en": "Required items missing / reason"},
    "batch-col-severity": {"zh": "级别", "en": "Severity"},
    "batch-col-coverage": {"zh": "符合率", "en": "Met"},
    "batch-col-previous": {"zh": "上一年度报告", "en": "Last year's report"},
    "batch-col-regressed": {"zh": "退步的检查项", "en": "Regressed"},
    "batch-col-improved": {"zh": "进步的检查项", "en": "Improved"},
    "batch-col-id": {"zh": "编号", "en": "Id"},
    "batch-col-hint": {"zh": "修改建议", "en": "What to add"},
    "batch-col-near": {"zh": "最接近的原文", "en": "Closest text"},
    "batch-col-reason": {"zh": "不计入的原因", "en": "Why it does not count"},
    "batch-totals": {
        "zh": "共 {total} 份报告：通过 {passed} 份，未通过 {failed} 份，无法读取 {errors} 份。",
        "en": "{total} reports: {passed} passed, {failed} failed, {errors} unreadable.",
    },
    "batch-compare-title": {"zh": "与上一年度相比", "en": "Compared with last year"},
    "batch-compare-none": {
        "zh": "与上一年度相比，没有检查项退步或进步（{unmatched} 份报告找不到上一年度的对应报告）。",
        "en": "No item regressed or improved since last year ({unmatched} reports had no match last year).",
    },
    "batch-compare-unmatched": {
        "zh": "另有 {unmatched} 份报告找不到上一年度的对应报告。",
        "en": "{unmatched} more reports had no match last year.",
    },
    "batch-md-title": {"zh": "{title}批量检查汇总", "en": "{title}: batch summary"},
    "batch-sheet-summary": {"zh": "汇总", "en": "Summary"},
    "batch-sheet-coverage": {"zh": "覆盖情况", "en": "Coverage"},
    # the batch CSV's words: its fixed columns' heads, statuses and verdicts (ids in English)
    "csv-path": {"zh": "报告", "en": "path"},
    "csv-org": {"zh": "单位", "en": "org"},
    "csv-year": {"zh": "年度", "en": "year"},
    "csv-score": {"zh": "得分", "en": "score"},
    "csv-passed": {"zh": "结论", "en": "passed"},
    "csv-error": {"zh": "无法读取的原因", "en": "error"},
    "csv-met": {"zh": "符合", "en": "met"},
    "csv-partial": {"zh": "部分符合", "en": "partial"},
    "csv-missing": {"zh": "缺失", "en": "missing"},
    "csv-waived": {"zh": "豁免", "en": "waived"},
    "csv-true": {"zh": "通过", "en": "true"},
    "csv-false": {"zh": "未通过", "en": "false"},
    "csv-regressed": {"zh": "退步项", "en": "regressed"},
    "csv-improved": {"zh": "进步项", "en": "improved"},
}
