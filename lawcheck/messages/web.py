"""Messages of ``lawcheck serve``: its page and its API's refusals."""

from __future__ import annotations

WEB_MESSAGES: dict[str, dict[str, str]] = {
    "web-title": {"zh": "法治政府建设年度报告自查", "en": "Check a rule-of-law annual report"},
    "web-intro": {"zh": "选择或拖入一份年度报告，对照检查清单查看写了什么、缺了什么；也可以下载带批注的 Word 副本。文件只在检查时使用，不会保存。",
                  "en": "Choose or drop an annual report to see what it has and what it lacks; download a Word copy "
                        "with comments. The file is used for the check only and not kept."},
    "web-drop": {"zh": "点击选择，或把报告文件拖到这里（.docx .txt .pdf .html .md .odt .rtf）",
                 "en": "Click to choose, or drop the report here (.docx .txt .pdf .html .md .odt .rtf)"},
    "web-checklist": {"zh": "检查清单", "en": "Checklist"},
    "web-submit": {"zh": "开始检查", "en": "Check"},
    "web-template": {"zh": "下载报告模板（.docx）", "en": "Download the report template (.docx)"},
    "web-limit": {"zh": "文件不超过 {mb} MB", "en": "Files up to {mb} MB"},
    "web-switch": {"zh": "English", "en": "中文"},
    "web-again": {"zh": "检查另一份报告", "en": "Check another report"},
    "web-actions": {"zh": "下载", "en": "Downloads"},
    "web-download-json": {"zh": "下载 JSON", "en": "Download the JSON"},
    "web-download-docx": {"zh": "下载带批注的 Word 副本", "en": "Download the copy with Word comments"},
    "web-too-large": {"zh": "上传的文件太大。", "en": "The upload is too large."},
    "web-too-large-size": {"zh": "上传的文件超过 {mb} MB，已停止接收。", "en": "The upload is over {mb} MB; it was cut off."},
    "web-bad-form": {"zh": "上传的表单无法读取：{error}", "en": "The upload form cannot be read: {error}"},
    "web-no-file": {"zh": "请选择要检查的报告文件。", "en": "Choose a report file to check."},
    "web-bad-checklist": {"zh": "没有检查清单“{value}”；可选：{known}", "en": "No checklist \"{value}\"; choose one of {known}"},
    "web-timeout": {"zh": "检查超过 {seconds} 秒，已停止；这份文件可能不是正常的报告。",
                    "en": "The check took over {seconds} s and was stopped; the file may not be an ordinary report."},
    "web-token": {"zh": "需要访问口令。", "en": "An access token is required."},
    "web-token-page": {"zh": "此服务需要访问口令，请向管理员索取。", "en": "This service needs an access token; ask its administrator."},
    "web-token-label": {"zh": "访问口令", "en": "Access token"},
    "web-token-submit": {"zh": "进入", "en": "Enter"},
    "serve-port": {"zh": "端口 {value} 无效（应为 1–65535）", "en": "Port {value} is not valid (1–65535)"},
    "serve-limits": {"zh": "--timeout 应大于 0，--workers 不能为负数", "en": "--timeout must be above 0 and --workers not negative"},
    "serve-listening": {"zh": "lawcheck 网页服务已启动：{url}（按 Ctrl-C 停止）",
                        "en": "lawcheck is serving at {url} (Ctrl-C to stop)"},
    "serve-open-network": {"zh": "注意：正在 {host} 上监听，同一网络中的其他人也能访问；建议用 --token 设置访问口令。",
                           "en": "Note: listening on {host}, reachable by others on the network; consider --token."},
}
