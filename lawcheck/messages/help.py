"""The command line's help in Chinese, and names for the values options take.

The commands' help is written in English beside their options (``--lang en``
shows it as written); ``HELP_ZH`` says each in Chinese, keyed by the English.
A test walks every command and fails on a help text missing here.
"""

from __future__ import annotations

HELP_ZH: dict[str, str] = {
    # lawcheck
    "Check annual rule-of-law government reports (法治政府建设年度报告) against a checklist.":
        "对照检查清单检查法治政府建设年度报告。",
    "Show the version and exit": "显示版本号并退出",
    "Show this message and exit.": "显示本帮助并退出",
    # shared options
    "Built-in checklist id or YAML path": "内置检查清单的 id，或 YAML 文件路径",
    "Pass mark (default: the checklist's)": "及格线（默认：检查清单自带的）",
    "required | partial | none": "何时判为未通过：required（缺必备项）| partial（必备项仅部分符合也算）| none（只看分数）",
    "Message language: zh | en": "提示语言：zh（中文）| en（英文）",
    "Plain text without colours": "纯文本输出，不带颜色",
    "Largest file read, in bytes": "可读取的最大文件（字节）",
    "Settings file (default: lawcheck.yaml here or above)": "设置文件（默认：当前目录或上级目录中的 lawcheck.yaml）",
    "Report, but exit 0 even when the gate fails": "照常输出结果，但即使未通过也以 0 退出",
    "Overwrite the output if it exists": "输出文件已存在时覆盖",
    # check
    "Check reports against the checklist: what is there, where, and what is missing.":
        "对照检查清单检查报告：写了什么、写在哪里、缺了什么。",
    "Report files (.txt, .docx, …); - reads one from standard input":
        "报告文件（.txt、.docx 等）；- 表示从标准输入读取一份",
    "table | json | jsonl | junit | sarif | github | html": "输出格式：table | json | jsonl | junit | sarif | github | html",
    "Write to this file instead of stdout": "写入该文件而不是屏幕（格式可由后缀决定）",
    "With -: the report's name, whose suffix gives its format (default: stdin.txt)":
        "与 - 同用：报告的文件名，由其后缀确定格式（默认：stdin.txt）",
    # batch
    "Check every report under folders or globs, in parallel: ranking, coverage, gaps.":
        "并行检查文件夹或通配符下的全部报告：排名、各项符合率、缺项。",
    "Folders, files or globs (quoted, e.g. 'reports/**/*.docx')":
        "文件夹、文件或通配符（请加引号，如 'reports/**/*.docx'）",
    "On stdout: table | json | jsonl | csv | xlsx | md | html (with --output: for a file whose suffix names no format)":
        "屏幕输出格式：table | json | jsonl | csv | xlsx | md | html（与 --output 同用时：用于后缀不表示格式的文件）",
    "Write to this file, in the format of its suffix (.csv .xlsx .json .jsonl .md .html .txt); repeatable":
        "写入该文件，格式由后缀决定（.csv .xlsx .json .jsonl .md .html .txt）；可重复",
    "No progress bar, and no summary on screen when writing --output files":
        "不显示进度条；写 --output 文件时屏幕上也不显示汇总",
    "Worker processes (0: one per core)": "工作进程数（0：每个处理器核一个）",
    "Megabytes one check may take (default 1024)": "一次检查最多用多少兆字节内存（默认 1024）",
    "Seconds an upload may send nothing before it is cut off": "上传时多少秒没有新数据就停止接收",
    "Another name the page is reached by (a server's DNS name); repeatable":
        "访问本页面所用的其他名称（如服务器的域名）；可重复",
    "Seconds reading and checking one file may take (default 30)": "读取并检查一份文件最多用多少秒（默认 30）",
    "Megabytes reading and checking one file may take (default 1024)": "读取并检查一份文件最多用多少兆字节内存（默认 1024）",
    "Seconds reading and commenting the file may take (default 30)": "读取并批注该文件最多用多少秒（默认 30）",
    "Megabytes reading and commenting the file may take (default 1024)": "读取并批注该文件最多用多少兆字节内存（默认 1024）",
    "Only files matching this glob; repeatable": "只检查符合该通配符的文件；可重复",
    "Leave out files and folders matching this glob; repeatable": "跳过符合该通配符的文件和文件夹；可重复",
    "Last year's --format json output: show what regressed": "上一年 --format json 的输出：显示哪些报告退步了",
    "Report unreadable files but judge only the rest for the exit code": "列出无法读取的文件，但退出码只按其余报告判定",
    # eval
    "Compare lawcheck's statuses and findings with hand labels; exit 1 on any disagreement.":
        "把 lawcheck 的判断与人工标注比较；有任何不一致时以 1 退出。",
    "Labels: corpus/labels.yaml's YAML or a table like openings/index.tsv": "标注文件：corpus/labels.yaml 格式的 YAML，或 openings/index.tsv 格式的表格",
    # annotate
    "Write a copy of a .docx report with Word comments where it falls short.\n\n"
    "Exit code as for check: 0 the report passes, 1 it fails, 2 it could not be done.":
        "在 .docx 报告的副本中不足之处加上 Word 批注。\n\n退出码与 check 相同：0 通过，1 未通过，2 无法完成。",
    "The report, a .docx file (it is only read)": "报告，.docx 文件（只读取，不修改）",
    "Where to write the copy (default: REPORT.checked.docx beside it)": "副本写到哪里（默认：同目录下的 报告名.checked.docx）",
    "Write a copy of a .docx report with Word comments where it falls short.": "在 .docx 报告的副本中不足之处加上 Word 批注。",
    # template
    "Write a .docx skeleton in the official five-part structure, with placeholders to replace.":
        "生成按官方五部分结构排好的 .docx 报告框架，占位内容待替换。",
    "Where to write it (default: <ORG><YEAR>年法治政府建设年度报告.docx here)":
        "写到哪里（默认：当前目录下的 <单位><年度>年法治政府建设年度报告.docx）",
    "The year reported on (default: last year)": "报告年度（默认：上一年）",
    "The reporting body, e.g. 云岭镇人民政府 (default: a placeholder)": "报告单位，如 云岭镇人民政府（默认：占位内容）",
    # explain
    "Say what a checklist item looks for, in plain words, with its basis and advice.":
        "用平实的话说明某个检查项找什么、依据是什么、怎样写才算。",
    "Item or finding id, e.g. legal-adviser, three-systems.review, year-mismatch":
        "检查项或提示的 id，如 legal-adviser、three-systems.review、year-mismatch",
    # config
    "Show the settings (lawcheck.yaml) in force.": "显示正在生效的设置（lawcheck.yaml）。",
    "Print each setting, its value, and where it came from (default, FILE:LINE, command line).":
        "列出每项设置、其值及来源（默认值、文件:行、命令行）。",
    "Pass mark": "及格线",
    "Default output format": "默认输出格式",
    # batch: feedback and history
    "Last year's --format json output, or db (the history of --db): show what regressed":
        "上一年 --format json 的输出，或 db（--db 中的历史）：显示哪些项退步了",
    "Write a feedback letter (.docx) per body and index.xlsx into this folder":
        "在该文件夹中为每个单位写一份反馈意见（.docx），并写出索引 index.xlsx",
    "The letters' date (YYYY-MM-DD; default today), under the sender of feedback_from in lawcheck.yaml":
        "反馈意见落款日期（YYYY-MM-DD，默认今天），位于 lawcheck.yaml 中 feedback_from 所写的发文单位之下",
    "The year the reports should cover: the others are named": "本批报告应属的年度：其他年度的报告会被列出",
    "A passing body's letter: acknowledge (a short one) | none":
        "通过的单位的反馈：acknowledge（简短的确认函）| none（不发）",
    "The date by which bodies correct their reports (YYYY-MM-DD), said in the letters":
        "整改期限（YYYY-MM-DD），写入反馈意见",
    "bodies.yaml: the bodies expected to report and their other names": "bodies.yaml：应报送的单位及其别名",
    "Record every report in this history database (a file, or a postgresql:// URL)":
        "把每份报告记入该历史数据库（文件，或 postgresql:// 地址）",
    # history
    "What the recorded batches say across the years: bodies, body, item, regressions.":
        "查询历年检查记录：bodies、body、item、regressions。",
    "The history database (a file, or a postgresql:// URL)": "历史数据库（文件，或 postgresql:// 地址）",
    "table | json | csv | xlsx": "输出格式：table | json | csv | xlsx",
    "table | json | csv | xlsx (default: the output's suffix, else table)":
        "输出格式：table | json | csv | xlsx（默认按输出文件的扩展名，否则为 table）",
    "Write to this file instead of stdout, in the format of its suffix (.txt .json .csv .xlsx)":
        "写入该文件而不是屏幕，格式由扩展名决定（.txt .json .csv .xlsx）",
    "Plain text without colours (the tables have none)": "纯文本输出，不带颜色（这些表格本来就不带颜色）",
    "Each body, the years it reported and its score in each.": "列出各单位报送的年度及每年得分。",
    "The body, by any name it reported under": "单位（报送时用过的任一名称）",
    "One body's items year by year: met, partial or missing.": "列出某单位各检查项历年的情况：符合、部分或缺失。",
    "Item id, e.g. legal-adviser": "检查项 id，如 legal-adviser",
    "One item's coverage per year: how many bodies met it, partly or not.":
        "列出某检查项每年的符合情况：多少单位符合、部分符合或缺失。",
    "The year to look at (against the year before)": "要查看的年度（与上一年比较）",
    "Items each body met the year before and misses in this one.": "列出各单位上一年符合、本年缺失的检查项。",
    # serve
    "Serve the checker as a web page and an HTTP API.": "以网页和 HTTP 接口提供检查服务。",
    "Address to listen on (0.0.0.0: every network)": "监听地址（0.0.0.0：所有网络）",
    "Port to listen on": "监听端口",
    "Access token for the page and the API (default: $LAWCHECK_TOKEN; none: open)":
        "网页和接口的访问口令（默认取 $LAWCHECK_TOKEN；不设则不需要口令）",
    "Checks run at once (0: one per core)": "同时进行的检查数（0：每个处理器核一个）",
    "Seconds one check may take before it is stopped": "一次检查最长可用的秒数，超时即停止",
    # checklist
    "Write and check checklists: list, show, validate, schema, test.": "编写和检查检查清单：list、show、validate、schema、test。",
    "The built-in checklists.": "列出内置检查清单。",
    "A checklist's items with their severity, weight and basis.": "列出检查清单的各项及其级别、权重和依据。",
    "Every problem of a checklist as FILE:LINE:COL: key.path: found X, expected Y (exit 2).":
        "逐条列出检查清单的问题，格式为 文件:行:列: 键路径: 实际值，应为……（有问题时以 2 退出）。",
    "The JSON Schema of checklist files (for editors that complete and check YAML).":
        "输出检查清单文件的 JSON Schema（供编辑器补全和检查 YAML）。",
    "Folder of reports with their labels.yaml (the format of eval)": "报告文件夹，内含 labels.yaml（与 eval 相同的格式）",
    "Run every item's examples (and labelled fixtures) through the matcher; exit 1 on any failure.":
        "用每项的示例（及带标注的样本）检验匹配规则；有失败时以 1 退出。",
}

# What an option takes, or an argument is, by the parameter's name: {zh, en}.
METAVARS: dict[str, dict[str, str]] = {
    "files": {"zh": "报告文件", "en": "FILES"},
    "inputs": {"zh": "文件夹或文件", "en": "INPUTS"},
    "report": {"zh": "报告.docx", "en": "REPORT.docx"},
    "labels": {"zh": "标注文件", "en": "LABELS.yaml"},
    "item": {"zh": "检查项", "en": "ITEM"},
    "name": {"zh": "检查清单", "en": "CHECKLIST"},
    "fmt": {"zh": "格式", "en": "FORMAT"},
    "output": {"zh": "文件", "en": "FILE"},
    "checklist": {"zh": "检查清单", "en": "CHECKLIST"},
    "min_score": {"zh": "分数", "en": "SCORE"},
    "fail_on": {"zh": "级别", "en": "LEVEL"},
    "lang": {"zh": "语言", "en": "LANG"},
    "max_size": {"zh": "字节数", "en": "BYTES"},
    "config": {"zh": "设置文件", "en": "FILE"},
    "stdin_filename": {"zh": "文件名", "en": "NAME"},
    "jobs": {"zh": "进程数", "en": "N"},
    "include": {"zh": "通配符", "en": "GLOB"},
    "exclude": {"zh": "通配符", "en": "GLOB"},
    "compare": {"zh": "上一年.json", "en": "LAST.json"},
    "year": {"zh": "年度", "en": "YEAR"},
    "org": {"zh": "单位", "en": "BODY"},
    "fixtures": {"zh": "文件夹", "en": "FOLDER"},
    "feedback": {"zh": "文件夹", "en": "FOLDER"},
    "feedback_deadline": {"zh": "日期", "en": "DATE"},
    "feedback_date": {"zh": "日期", "en": "DATE"},
    "feedback_passing": {"zh": "方式", "en": "WHAT"},
    "bodies_file": {"zh": "bodies.yaml", "en": "bodies.yaml"},
    "db": {"zh": "数据库", "en": "DB"},
    "body": {"zh": "单位", "en": "BODY"},
    "host": {"zh": "地址", "en": "HOST"},
    "port": {"zh": "端口", "en": "PORT"},
    "token": {"zh": "口令", "en": "TOKEN"},
    "workers": {"zh": "数量", "en": "N"},
    "timeout": {"zh": "秒数", "en": "SECONDS"},
    "time_limit": {"zh": "秒数", "en": "SECONDS"},
    "memory_limit": {"zh": "兆字节", "en": "MB"},
    "allow_host": {"zh": "名称", "en": "NAME"},
    "upload_timeout": {"zh": "秒数", "en": "SECONDS"},
}

HELP_WORDS: dict[str, dict[str, str]] = {
    "help-usage": {"zh": "用法：", "en": "Usage: "},
    "help-options-word": {"zh": "[选项]", "en": "[OPTIONS]"},
    "help-command-word": {"zh": "命令 [参数]...", "en": "COMMAND [ARGS]..."},
    "help-arguments": {"zh": "参数：", "en": "Arguments:"},
    "help-options": {"zh": "选项：", "en": "Options:"},
    "help-commands": {"zh": "命令：", "en": "Commands:"},
    "help-default": {"zh": "[默认：{value}]", "en": "[default: {value}]"},
    "help-required": {"zh": "[必填]", "en": "[required]"},
    "help-more": {"zh": "每个命令的说明：{command} 命令 -h", "en": "Each command's help: {command} COMMAND -h"},
}
