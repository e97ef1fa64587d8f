"""Photograph the page of ``lawcheck serve`` in both languages, as a drafter sees it.

    python scripts/screenshot_serve.py [--out docs]

Starts ``lawcheck serve`` on a free port, opens it in headless Chromium (Selenium), uploads
examples/yunling-town-2024.txt and photographs the upload page and the report page in Chinese,
then switches the report to English and photographs both again:
serve-upload-zh.png, serve-report-zh.png, serve-upload-en.png, serve-report-en.png. Needs
Debian's ``chromium``, ``chromium-driver`` and ``fonts-noto-cjk``, and selenium (the test extra).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "examples" / "yunling-town-2024.txt"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("lawcheck serve stopped before it answered")
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2).close()
            return
        except OSError:
            time.sleep(0.3)
    sys.exit("lawcheck serve did not answer within a minute")


def browser() -> webdriver.Chrome:
    exe, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if exe is None or driver is None:
        sys.exit("chromium and its driver are needed: apt-get install -y chromium chromium-driver fonts-noto-cjk")
    options = webdriver.ChromeOptions()
    options.binary_location = exe
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--window-size=1200,1500", "--disable-background-networking", "--disable-component-update"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(driver), options=options)


def shoot(driver: webdriver.Chrome, path: Path) -> None:
    driver.save_screenshot(str(path))
    print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    out = parser.parse_args().out.resolve()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "lawcheck", "serve", "--port", str(port), "--workers", "1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        wait_until_up(url, server)
        driver = browser()
        for lang in ("zh", "en"):
            driver.get(f"{url}/?lang={lang}")
            shoot(driver, out / f"serve-upload-{lang}.png")
        driver.get(f"{url}/?lang=zh")
        driver.find_element(By.ID, "file").send_keys(str(REPORT))
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 60).until(ready.presence_of_element_located((By.CSS_SELECTOR, "nav.web-toolbar")))
        shoot(driver, out / "serve-report-zh.png")
        driver.find_element(By.CSS_SELECTOR, "a.lang-switch").click()
        WebDriverWait(driver, 10).until(lambda b: b.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
        shoot(driver, out / "serve-report-en.png")
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
