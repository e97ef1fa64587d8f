"""The page as a drafter uses it, in a real headless Chromium driven by Selenium."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

from tests.support import parts
from tests.web.conftest import Server

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"




@pytest.fixture
def browser(tmp_path: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = parts.chromium()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1100,1400"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(tmp_path),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(parts.chromedriver()), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _upload(browser: webdriver.Chrome, server: Server, report: Path) -> str:
    browser.get(server.url + "/")
    assert browser.find_element(By.CSS_SELECTOR, "button[type=submit]").text == "开始检查"
    browser.find_element(By.ID, "file").send_keys(str(report))
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(browser, 60).until(ready.presence_of_element_located((By.CSS_SELECTOR, "nav.web-toolbar")))
    return browser.find_element(By.TAG_NAME, "body").text


def test_a_drafter_uploads_a_report_and_sees_its_gaps(browser: webdriver.Chrome, server: Server,
                                                      tmp_path: Path) -> None:
    text = _upload(browser, server, EXAMPLES / "yunling-town-2024.txt")
    assert "未通过" in text
    todo = text.split("待补充", 1)[1].split("逐项检查", 1)[0]
    assert "法律顾问作用发挥" in todo and "下一年度推进法治政府建设的主要安排" in todo
    browser.save_screenshot(str(tmp_path / "after.png"))
    assert (tmp_path / "after.png").stat().st_size > 10_000


def test_a_drafter_downloads_the_commented_copy(browser: webdriver.Chrome, server: Server, tmp_path: Path) -> None:
    _upload(browser, server, EXAMPLES / "qinghe-street-2024.docx")
    browser.find_element(By.ID, "download-docx").click()
    target = tmp_path / "qinghe-street-2024.checked.docx"
    deadline = time.monotonic() + 30
    while not target.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert target.exists(), sorted(p.name for p in tmp_path.iterdir())
    with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as z:
        assert b"<w:comment " in z.read("word/comments.xml")


def test_the_page_works_with_javascript_off(server: Server, tmp_path: Path) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = parts.chromium()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(parts.chromedriver()), options=options)
    try:
        text = _upload(driver, server, EXAMPLES / "yunling-town-2024.txt")
        assert "未通过" in text and "法律顾问作用发挥" in text
    finally:
        driver.quit()


def test_the_report_switches_language_in_place_and_prints(browser: webdriver.Chrome, server: Server) -> None:
    text = _upload(browser, server, EXAMPLES / "yunling-town-2024.txt")
    assert "未通过" in text and "Not passed" not in text
    printing = browser.find_element(By.CSS_SELECTOR, "nav.web-toolbar button.print")
    assert printing.is_displayed() and printing.text == "打印"  # the script shows it
    address = browser.current_url
    browser.find_element(By.CSS_SELECTOR, "a.lang-switch").click()
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    english = browser.find_element(By.TAG_NAME, "body").text
    assert "Use of legal advisers" in english and "法律顾问作用发挥" not in english
    assert browser.current_url == address  # the same report, not sent again
    assert browser.find_element(By.CSS_SELECTOR, "nav.web-toolbar button.print").text == "Print"
    browser.find_element(By.CSS_SELECTOR, "a.lang-switch").click()  # and back
    WebDriverWait(browser, 10).until(lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN")
    assert "法律顾问作用发挥" in browser.find_element(By.TAG_NAME, "body").text
