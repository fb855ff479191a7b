"""Prints what a report page holds: whether its run equals `omen run --format json`'s, and
each analysis's name, status and command, and each source file it shows (the file and its
imports) with whether its text is that file's on disk. Usage: page_data.py PAGE.html RUN.json"""
import html.parser
import os
import json
import sys


class DataScript(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside, self.text = False, ""

    def handle_starttag(self, tag, attrs):
        self.inside = tag == "script" and ("id", "omen-data") in attrs

    def handle_endtag(self, tag):
        self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


page = DataScript()
page.feed(open(sys.argv[1], encoding="utf-8").read())
data = json.loads(page.text)
run = json.load(open(sys.argv[2]))
strip = lambda doc: [[s["name"], s["params"], s["reports"]] for s in doc["scenarios"]]
print("run equal:", strip(data["run"]) == strip(run))
for a in data["analyses"]:
    print("analyses:", a["name"], a["status"])
    print("command:", a["command"])
for f in data["sources"]:
    on_disk = open(f["name"], encoding="utf-8").read() if os.path.exists(f["name"]) else None
    print("source:", os.path.basename(f["name"]), "same as the file" if on_disk == f["text"] else "DIFFERS")
