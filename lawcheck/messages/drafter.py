"""Messages of the drafter's tools: the HTML report, ``annotate`` and ``template``."""

from __future__ import annotations

DRAFTER_MESSAGES: dict[str, dict[str, str]] = {
    # --- HTML report --------------------------------------------------------
    "html-title": {"zh": "法治政府建设年度报告检查结果", "en": "Rule-of-law report check"},
    "html-generated": {
        "zh": "由 lawcheck {version} 按检查清单 {checklist}（{checklist_version} 版）生成",
        "en": "Made by lawcheck {version} with checklist {checklist} (version {checklist_version})",
    },
    "html-overview": {"zh": "总览（{count} 份报告）", "en": "Overview ({count} reports)"},
    "html-filter": {"zh": "筛选（文件名、标题、单位）", "en": "Filter (file, title, body)"},
    "html-filter-all": {"zh": "全部", "en": "All"},
    "html-col-report": {"zh": "报告", "en": "Report"},
    "html-col-org": {"zh": "单位", "en": "Body"},
    "html-col-year": {"zh": "年度", "en": "Year"},
    "html-col-score": {"zh": "得分", "en": "Score"},
    "html-col-verdict": {"zh": "结论", "en": "Verdict"},
    "html-col-missing": {"zh": "缺失", "en": "Missing"},
    "html-col-partial": {"zh": "部分", "en": "Partial"},
    "html-sort": {"zh": "点击表头排序", "en": "Click a header to sort"},
    "html-shown": {"zh": "显示 {shown} / {total}", "en": "Showing {shown} of {total}"},
    "verdict-pass": {"zh": "通过", "en": "PASS"},
    "verdict-fail": {"zh": "未通过", "en": "FAIL"},
    "verdict-error": {"zh": "无法检查", "en": "NOT CHECKED"},
    "html-score-line": {"zh": "得分 {score} / 100 · 及格线 {threshold}",
                        "en": "Score {score} / 100 · pass mark {threshold}"},
    "html-counts": {"zh": "符合 {met} 项 · 部分符合 {partial} 项 · 缺失 {missing} 项",
                    "en": "{met} met · {partial} partial · {missing} missing"},
    "html-todo": {"zh": "待补充", "en": "To do"},
    "html-items": {"zh": "逐项检查", "en": "Items"},
    "html-weight": {"zh": "权重 {weight}", "en": "weight {weight}"},
    "html-evidence": {"zh": "依据原文", "en": "Evidence"},
    "html-back": {"zh": "返回总览", "en": "Back to the overview"},
    "html-none": {"zh": "无", "en": "none"},
    "html-page": {"zh": "第 {page} 页", "en": "page {page}"},
    "html-line": {"zh": "第 {line} 行", "en": "line {line}"},
    # --- annotate -----------------------------------------------------------
    "annotate-author": {"zh": "lawcheck 检查", "en": "lawcheck"},
    "annotate-not-docx": {
        "zh": "{path} 不是 .docx 文件；批注只能写入 Word .docx 文档（.doc、.wps 请先另存为 .docx）。",
        "en": "{path} is not a .docx file; comments can only be added to Word .docx documents "
              "(save .doc or .wps as .docx first).",
    },
    "annotate-missing": {"zh": "找不到文件 {path}。", "en": "File {path} does not exist."},
    "annotate-same": {
        "zh": "输出文件 {path} 与原文件相同；lawcheck 不会改动原文件，请用 -o 另选输出路径。",
        "en": "The output {path} is the input itself; lawcheck never changes the original, choose another -o.",
    },
    "annotate-unsupported": {
        "zh": "{path} 能读取检查，但无法在其中写入批注（{error}）；请在 Word 中另存为 .docx 后重试。",
        "en": "{path} can be checked but comments cannot be added to it ({error}); save it again as .docx in Word.",
    },
    "output-exists": {
        "zh": "输出文件 {path} 已存在；如需覆盖，请加 --force。",
        "en": "The output {path} already exists; add --force to overwrite it.",
    },
    "annotate-done": {
        "zh": "已写入 {path}：{count} 条批注（得分 {score} / 100，{verdict}）。",
        "en": "Wrote {path}: {count} comments (score {score} / 100, {verdict}).",
    },
    "annotate-summary": {
        "zh": "lawcheck 检查结果：得分 {score} / 100（及格线 {threshold}），{verdict}。",
        "en": "lawcheck result: score {score} / 100 (pass mark {threshold}), {verdict}.",
    },
    "annotate-missing-head": {"zh": "缺失 {count} 项，请补写：", "en": "{count} missing; please add:"},
    "annotate-partial-head": {"zh": "部分符合 {count} 项（见正文批注）：", "en": "{count} partial (see the comments in the text):"},
    "annotate-complete": {"zh": "所有检查项均已符合。", "en": "Every item is met."},
    "annotate-unplaced": {"zh": "以下内容未能在正文中定位：", "en": "These could not be placed in the text:"},
    "annotate-unplaced-line": {"zh": "“{text}”：{comment}", "en": "\"{text}\": {comment}"},
    "annotate-list-line": {"zh": "{n}. {title}：{hint}", "en": "{n}. {title}: {hint}"},
    "annotate-partial": {
        "zh": "【{title}】只部分符合：这里写到了“{words}”，但还不够具体。",
        "en": "[{title}] only partly met: this mentions \"{words}\" but is not specific enough. ",
    },
    "annotate-partial-why": {
        "zh": "【{title}】只部分符合：{reason}。",
        "en": "[{title}] only partly met: {reason}. ",
    },
    "annotate-partial-parts": {"zh": "还缺少：{parts}。", "en": "Still missing: {parts}."},
    "annotate-near": {
        "zh": "【{title}】这句不计分：{reason}。",
        "en": "[{title}] This does not count: {reason}.",
    },
    "annotate-see-first": {
        "zh": "修改建议见前文关于“{title}”的第一条批注。",
        "en": "See the first comment on \"{title}\" above for what to add.",
    },
    "annotate-add": {"zh": "建议：{hint}", "en": "Add: {hint}"},
    "annotate-part-here": {
        "zh": "这里缺少第{n}部分“{title}”{basis}：请在本段之后补写这一部分。",
        "en": "Part {n}, \"{title}\", is missing here{basis}: add it after this paragraph.",
    },
    "annotate-held-here": {
        "zh": "第{n}部分“{part}”中缺少“{title}”：请在本段之后补写。",
        "en": "Part {n}, \"{part}\", lacks \"{title}\": add it after this paragraph.",
    },
    "annotate-basis": {"zh": "（{basis}）", "en": " ({basis})"},
    # --- template -----------------------------------------------------------
    "check-wrote": {
        "zh": "已写入 {path}（{format}，{count} 份报告）。",
        "en": "Wrote {path} ({format}, {count} reports).",
    },
    "template-done": {
        "zh": "已写入报告模板 {path}：请按标题上的批注填写各部分，替换【请填写：…】和 XX、×× 占位内容，"
              "删除批注后用 lawcheck check 检查。",
        "en": "Wrote the report template {path}: fill in each part as the comments on the headings suggest, "
              "replace the 【请填写：…】 and XX/×× placeholders, delete the comments, then run lawcheck check.",
    },
    "template-suffix": {
        "zh": "输出文件 {path} 应以 .docx 结尾。",
        "en": "The output {path} should end in .docx.",
    },
    "template-year": {
        "zh": "年度“{value}”无效，应为 2000 到 2100 之间的四位年份。",
        "en": "Year \"{value}\" is not valid; give a four-digit year between 2000 and 2100.",
    },
    # file names
    "template-file": {"zh": "{org}{year}年法治政府建设年度报告.docx", "en": "{org}{year}年法治政府建设年度报告.docx"},
    "template-download": {"zh": "{year}年法治政府建设年度报告（模板）.docx",
                          "en": "{year}年法治政府建设年度报告（模板）.docx"},
    "letter-file": {"zh": "{body}-{year}-反馈意见", "en": "{body}-{year}-反馈意见"},
    "letter-unidentified": {"zh": "未识别单位-{stem}", "en": "未识别单位-{stem}"},
    "letter-body-placeholder": {"zh": "【单位名称】", "en": "[name of the body]"},
    "date": {"zh": "{year}年{month}月{day}日", "en": "{iso}"},
}
