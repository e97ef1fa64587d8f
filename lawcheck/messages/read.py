"""Messages for every way a report file can fail to be read.

Each message is one sentence that names the file (``{path}``) and the problem,
in Chinese (the default) and English. Keys are stable: scripts and tests use them.
"""

from __future__ import annotations

CONVERT_COMMAND = 'libreoffice --headless --convert-to docx "{path}"'

READ_MESSAGES: dict[str, dict[str, str]] = {
    "not_found": {
        "zh": "找不到文件 {path}。",
        "en": "File {path} does not exist.",
    },
    "is_directory": {
        "zh": "{path} 是一个文件夹，不是报告文件（检查文件夹请用 lawcheck batch）。",
        "en": "{path} is a folder, not a report file (use lawcheck batch to check a folder).",
    },
    "not_a_file": {
        "zh": "{path} 不是普通文件（可能是设备或管道），无法作为报告读取。",
        "en": "{path} is not a regular file (perhaps a device or a pipe), so it cannot be read as a report.",
    },
    "symlink_loop": {
        "zh": "{path} 是循环的符号链接，无法找到实际文件。",
        "en": "{path} is a symbolic link that loops back on itself, so there is no file to read.",
    },
    "unreadable": {
        "zh": "没有权限读取文件 {path}。",
        "en": "File {path} cannot be read: permission denied.",
    },
    "empty": {
        "zh": "文件 {path} 是空的，没有任何文字。",
        "en": "File {path} is empty: it holds no text.",
    },
    "no_text": {
        "zh": "{path} 中找不到任何正文文字。",
        "en": "{path} was opened but holds no body text.",
    },
    "too_large": {
        "zh": "文件 {path} 大小为 {size_mb}，超过了 {max_mb} 的上限。",
        "en": "File {path} is {size_mb}, over the limit of {max_mb}.",
    },
    "too_large_stream": {
        "zh": "{path} 超过了 {max_mb} 的上限，已停止读取。",
        "en": "{path} is over the limit of {max_mb}; it was not read further.",
    },
    "unknown_format": {
        "zh": "无法识别 {path} 的格式“{suffix}”，支持的格式有：{supported}。",
        "en": "{path} has the unsupported format \"{suffix}\"; supported formats are: {supported}.",
    },
    "content_is_spreadsheet": {
        "zh": "{path} 的扩展名是 {suffix}，但内容其实是电子表格（Excel 等），不是报告文档。",
        "en": "{path} is named {suffix} but is really a spreadsheet (Excel or similar), not a report document.",
    },
    "content_is_presentation": {
        "zh": "{path} 的扩展名是 {suffix}，但内容其实是演示文稿（PowerPoint 等），不是报告文档。",
        "en": "{path} is named {suffix} but is really a presentation (PowerPoint or similar), not a report document.",
    },
    "content_is_image": {
        "zh": "{path} 的扩展名是 {suffix}，但内容其实是图片，需要先进行文字识别（OCR）。",
        "en": "{path} is named {suffix} but is really an image, which needs text recognition (OCR) first.",
    },
    "content_is_archive": {
        "zh": "{path} 的扩展名是 {suffix}，但内容其实是压缩包，请先解压出其中的报告。",
        "en": "{path} is named {suffix} but is really a compressed archive; extract the report from it first.",
    },
    "corrupt": {
        "zh": "{path} 已损坏，或不是有效的 {format} 文件。",
        "en": "{path} is damaged or is not a valid {format} file.",
    },
    "binary": {
        "zh": "{path} 的内容是二进制数据，不是文本。",
        "en": "{path} holds binary data, not text.",
    },
    "encrypted": {
        "zh": "{path} 设有打开密码（已加密），请去掉密码后另存一份再检查。",
        "en": "{path} is protected by a password (encrypted); remove the password and save a copy to check it.",
    },
    "legacy_doc": {
        "zh": "{path} 是旧版 Word/WPS 二进制格式（.doc/.wps），无法直接检查：请在 Word 或 WPS 中打开，"
              "“另存为” .docx 后再检查；也可以用命令转换：" + CONVERT_COMMAND + "。",
        "en": "{path} is in the old binary Word/WPS format (.doc/.wps), which cannot be checked as it is: open it "
              "in Word or WPS and save it as .docx, then check that; or convert it with: " + CONVERT_COMMAND + ".",
    },
    "no_body": {
        "zh": "{path} 是 Word 文件，但缺少正文部分（document.xml 中没有 w:body）。",
        "en": "{path} is a Word file without a body (no w:body in document.xml).",
    },
    "needs_ocr": {
        "zh": "{path} 是没有文字层的 PDF（扫描件），需要先进行文字识别（OCR）。",
        "en": "{path} is a PDF without a text layer (a scan), so it needs text recognition (OCR) first.",
    },
    "zip_bomb": {
        "zh": "{path} 解压后体积异常巨大（疑似压缩炸弹），已拒绝读取。",
        "en": "{path} would expand to an abnormally large size when unpacked (a suspected zip bomb), so it was refused.",
    },
    "line_too_long": {
        "zh": "{path} 中有一段文字长达 {chars} 个字符，超过了一段正文 {limit} 个字符的上限，不像是报告，已拒绝读取。",
        "en": "{path} holds a paragraph of {chars} characters, over the limit of {limit} for one paragraph; "
              "it does not look like a report, so it was refused.",
    },
    "pdf_cycle": {
        "zh": "{path} 已损坏：其中的对象互相引用、循环不止，无法读取。",
        "en": "{path} is damaged: its objects refer to each other in a ring, so it cannot be read.",
    },
    "pdf_absurd": {
        "zh": "{path} 第 {page} 页要绘制的文字或图形多得离谱，远超任何报告，已拒绝读取。",
        "en": "{path} draws an absurd number of characters or shapes (page {page}), far beyond any report; it was refused.",
    },
    "html_absurd": {
        "zh": "{path} 中有一个标签带有 {count} 个属性，远超任何网页，不像是报告，已拒绝读取。",
        "en": "{path} has a tag with {count} attributes, far beyond any web page; it is not a report and was refused.",
    },
    "budget_time": {
        "zh": "{path} 的读取和检查超过了 {seconds} 秒的时间上限，已停止（上限可用 --time-limit 或 lawcheck.yaml 的 time_limit 调整）。",
        "en": "Reading and checking {path} took longer than the limit of {seconds} seconds and was stopped "
              "(set it with --time-limit or time_limit in lawcheck.yaml).",
    },
    "budget_memory": {
        "zh": "{path} 的读取和检查需要超过 {megabytes} MB 的内存上限，已停止（上限可用 --memory-limit 或 lawcheck.yaml 的 memory_limit 调整）。",
        "en": "Reading and checking {path} needed more than the limit of {megabytes} MB of memory and was stopped "
              "(set it with --memory-limit or memory_limit in lawcheck.yaml).",
    },
    "worker_died": {
        "zh": "检查 {path} 的子进程意外退出（退出码 {code}），未能完成检查。",
        "en": "The process checking {path} ended unexpectedly (exit code {code}); the file was not checked.",
    },
    "pdf_bomb": {
        "zh": "{path} 中的压缩内容解压后体积异常巨大（疑似压缩炸弹），已拒绝读取。",
        "en": "{path} holds compressed content that would expand to an abnormally large size (a suspected "
              "compression bomb), so it was refused.",
    },
    "xml_entities": {
        "zh": "{path} 内含 DOCTYPE/ENTITY 声明，出于安全原因已拒绝读取。",
        "en": "{path} contains DOCTYPE/ENTITY declarations, so it was refused for safety.",
    },
}
