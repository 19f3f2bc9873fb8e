"""Draw the bot's own cards as PNGs for the guides: docs/img/<lang>/<card>.png.

    .venv/bin/python scripts/render_cards.py        (or: bash scripts/render_cards.sh)

The cards come from the bot's card functions (docs/render/samples.py); Microsoft's Adaptive
Cards renderer (npm `adaptivecards`, pinned in docs/render/package.json) draws them with Teams'
light host config (docs/render/hostconfig.json, a copy of the one in the shared schemas) in
headless Chromium, driven over its DevTools pipe: one page draws every card, then each card is
shown alone and photographed at exactly its size (no puppeteer, one browser, a few seconds).

docs/img/manifest.json records a hash of every card's JSON and of the host config, so
tests/test_docs.py can tell when a picture no longer shows the card the bot sends: then rerun
this script. `--check` only compares (no Chromium needed) and exits 1 when stale.
"""
from __future__ import annotations

import argparse
import base64
import fcntl
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RENDER = ROOT / "docs" / "render"
IMG = ROOT / "docs" / "img"
MANIFEST = IMG / "manifest.json"
HOSTCONFIG = RENDER / "hostconfig.json"
RENDERER = RENDER / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js"
LANGS = ("da", "en")
CARD_WIDTH = 460  # about what a card gets in a Teams chat on a laptop
MARGIN = 12
INSTALL_CHROMIUM = "install it with `apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM to its path"

sys.path[:0] = [str(ROOT), str(RENDER)]


def build_cards() -> dict[str, dict]:
    """"<lang>/<name>" -> card JSON, in a fixed order."""
    import samples  # docs/render/samples.py: imports the bot, so only after sys.path is set

    return {f"{lang}/{name}": card for lang in LANGS for name, card in samples.cards(lang).items()}


def digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def manifest_for(cards: dict[str, dict]) -> dict:
    renderer = json.loads((RENDER / "package.json").read_text())["dependencies"]["adaptivecards"]
    return {"renderer": f"adaptivecards {renderer}", "hostconfig": digest(json.loads(HOSTCONFIG.read_text())),
            "cards": {key: digest(card) for key, card in cards.items()}}


def stale(cards: dict[str, dict]) -> list[str]:
    """What differs between the pictures on disk and the cards the bot builds now (empty: up to date)."""
    if not MANIFEST.exists():
        return ["docs/img/manifest.json is missing"]
    old, new = json.loads(MANIFEST.read_text()), manifest_for(cards)
    problems = [f"{key} changed" for key in ("renderer", "hostconfig") if old.get(key) != new[key]]
    for key in sorted(set(old.get("cards", {})) | set(new["cards"])):
        if old.get("cards", {}).get(key) != new["cards"].get(key):
            problems.append(f"card {key} " + ("is new" if key not in old.get("cards", {}) else
                                              "is gone" if key not in new["cards"] else "changed"))
        elif not (IMG / f"{key}.png").exists():
            problems.append(f"docs/img/{key}.png is missing")
    return problems


def chromium() -> str | None:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    return found if found and Path(found).exists() else None


def ensure_renderer() -> None:
    if RENDERER.exists():
        return
    npm = shutil.which("npm")
    if not npm:
        sys.exit("npm not found: install Node.js 20+ with npm; it installs the Adaptive Cards renderer into docs/render")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=RENDER, check=True)


PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="%(stylesheet)s">
<style>
  html, body { margin: 0; background: #f5f5f5; }
  .frame { width: %(width)dpx; padding: %(margin)dpx; box-sizing: content-box; }
  .card { background: #ffffff; border: 1px solid #e0e0e0; border-radius: 6px; overflow: hidden; }
  /* Teams' buttons: grey outline, its purple for the positive one */
  .ac-pushButton { color: #242424; border: 1px solid #d1d1d1; border-radius: 4px; background: #ffffff; min-height: 32px; }
  .ac-pushButton.style-positive { color: #ffffff; background: #5b5fc7; border-color: #5b5fc7; }
  .ac-pushButton.style-destructive { color: #c4314b; }
</style>
<script src="%(renderer)s"></script>
<script src="cards.js"></script>
</head><body>
<script>
  const host = new AdaptiveCards.HostConfig(HOSTCONFIG);
  const frames = {};
  for (const [key, json] of Object.entries(CARDS)) {
    const frame = document.createElement("div");
    frame.className = "frame";
    const inner = document.createElement("div");
    inner.className = "card";
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = host;
    card.parse(json);
    inner.appendChild(card.render());
    frame.appendChild(inner);
    document.body.appendChild(frame);
    frames[key] = frame;
  }
  // One card at a time at the top of the page: the screenshot is then exactly that card.
  window.show = (key) => {
    for (const [k, frame] of Object.entries(frames)) frame.style.display = k === key ? "block" : "none";
    return Math.ceil(frames[key].getBoundingClientRect().height);
  };
  window.drawn = Object.keys(frames).length;
</script>
</body></html>
"""


class Browser:
    """Headless Chromium driven over its DevTools pipe (fd 3 in, fd 4 out): one browser for every card."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_chrome, chrome_in = os.pipe()[::-1]  # (write end, read end)
        from_chrome, chrome_out = os.pipe()  # (read end, write end)
        high_in, high_out = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (chrome_in, chrome_out))

        def as_fd_3_and_4() -> None:
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--mute-audio",
             "--disable-extensions", "--allow-file-access-from-files", "--font-render-hinting=none",
             f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=as_fd_3_and_4, close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        for fd in (chrome_in, chrome_out, high_in, high_out):
            os.close(fd)
        self.send_fd, self.read_fd, self.buffer, self.last = to_chrome, from_chrome, b"", 0

    def call(self, method: str, session: str | None = None, **params: object) -> dict:
        self.last += 1
        message: dict = {"id": self.last, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self.send_fd, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.read_fd, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium stopped answering (exit {self.process.poll()})")
                self.buffer += chunk
            raw, _, self.buffer = self.buffer.partition(b"\0")
            reply = json.loads(raw)
            if reply.get("id") == self.last:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def close(self) -> None:
        try:
            os.write(self.send_fd, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
            self.process.wait(timeout=10)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()
        finally:
            os.close(self.send_fd)
            os.close(self.read_fd)


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise RuntimeError("not a PNG")
    return struct.unpack(">II", data[16:24])


def render(cards: dict[str, dict], browser: str) -> None:
    ensure_renderer()
    work = Path(tempfile.mkdtemp(prefix="talsammen-cards-"))
    width = CARD_WIDTH + 2 * MARGIN
    chrome = None
    try:
        hostconfig = json.loads(HOSTCONFIG.read_text())
        (work / "cards.js").write_text(f"window.CARDS = {json.dumps(cards, ensure_ascii=False)};\n"
                                       f"window.HOSTCONFIG = {json.dumps(hostconfig)};\n", encoding="utf-8")
        page = work / "page.html"
        page.write_text(PAGE % {"width": CARD_WIDTH, "margin": MARGIN, "renderer": RENDERER.as_uri(),
                                "stylesheet": RENDERER.with_name("adaptivecards.css").as_uri()}, encoding="utf-8")
        chrome = Browser(browser, work / "profile")
        target = chrome.call("Target.createTarget", url="about:blank")["targetId"]
        session = chrome.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]

        def evaluate(expression: str) -> object:
            return chrome.call("Runtime.evaluate", session, expression=expression, returnByValue=True)["result"].get("value")

        chrome.call("Emulation.setDeviceMetricsOverride", session, width=width, height=800, deviceScaleFactor=1, mobile=False)
        chrome.call("Page.navigate", session, url=page.as_uri())
        for _ in range(600):  # the page draws every card while it loads; wait for it (at most a minute)
            if evaluate("document.readyState === 'complete' && window.drawn !== undefined"):
                break
            time.sleep(0.1)
        drawn = evaluate("window.drawn")
        if drawn != len(cards):
            raise RuntimeError(f"the renderer drew {drawn} of {len(cards)} cards; is docs/render/node_modules complete "
                               "(npm ci in docs/render)?")
        for key in cards:
            height = evaluate(f"window.show({json.dumps(key)})")
            if not isinstance(height, int) or not 60 <= height <= 10_000:
                raise RuntimeError(f"card {key} is {height} px high")
            chrome.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height, deviceScaleFactor=1,
                        mobile=False)
            data = base64.b64decode(chrome.call("Page.captureScreenshot", session, format="png")["data"])
            if png_size(data) != (width, height) or len(data) < 2000:
                raise RuntimeError(f"card {key}: a {png_size(data)} picture of {len(data)} bytes, expected {width}x{height}")
            target_file = IMG / f"{key}.png"
            target_file.parent.mkdir(parents=True, exist_ok=True)
            target_file.write_bytes(data)
    finally:
        if chrome:
            chrome.close()
        shutil.rmtree(work, ignore_errors=True)
    for lang in LANGS:  # a card the guides no longer show leaves no picture behind
        for old in (IMG / lang).glob("*.png"):
            if f"{lang}/{old.stem}" not in cards:
                old.unlink()
    MANIFEST.write_text(json.dumps(manifest_for(cards), indent=2, sort_keys=True) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the pictures are up to date")
    options = parser.parse_args()
    started = time.monotonic()
    cards = build_cards()
    if options.check:
        problems = stale(cards)
        for problem in problems:
            print(problem)
        print("card pictures are up to date" if not problems else "rerun: bash scripts/render_cards.sh")
        return 1 if problems else 0
    browser = chromium()
    if not browser:
        print(f"chromium not found: {INSTALL_CHROMIUM}", file=sys.stderr)
        return 2
    render(cards, browser)
    print(f"{len(cards)} cards drawn into docs/img/ in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
