#!/usr/bin/env python3
"""Writes a large HAR file shaped like a browser's export, for benchmarking
`p3p audit`: pages of about 60 entries, request and response headers as
browsers record them, bodies of up to 24 KiB (text with escapes, or base64),
Set-Cookie on about a third of the responses and P3P on some. The output is
the same for the same arguments.

usage: gen_har.py SIZE_MB OUT
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

FIRST = ["www.example.com", "static.example.com", "api.example.com", "img.example.com"]
THIRD = ["ads.example.net", "cdn.example.org", "track.example.co.uk", "a.github.io", "198.51.100.7"]
POLICIES = [
    'CP="NOI DSP COR NID CURa ADMa DEVa OUR NOR"',
    'CP="NOI CURa ADMa DEVa TAIa CONa OUR DELa BUS IND PHY ONL UNI PUR COM NAV DEM STA"',
    'CP="NOI CUR CONo OUR PHY ONL"',
    'policyref="/w3c/p3p.xml", CP="NOI CUR CONi OUR PHY ONL"',
]
WORDS = "function return var const let window document cookie privacy policy \u00e9t\u00e9 \u2603 \"quoted\" \\ back\tslash\n".split(" ")


def body(rng):
    n = rng.choice([0, 0, 200, 1500, 6000, 24000])
    if rng.random() < 0.3:
        return {"size": n, "mimeType": "image/png", "encoding": "base64",
                "text": "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(n))}
    out, size = [], 0
    while size < n:
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    return {"size": size, "mimeType": "application/javascript", "text": " ".join(out)}


def headers(rng, names):
    return [{"name": n, "value": "v%08x" % rng.getrandbits(32) * rng.randint(1, 4)} for n in names]


def entry(rng, page, index, started):
    host = rng.choice(FIRST if rng.random() < 0.6 else THIRD)
    url = "https://%s/path/%d/resource-%d.js?session=%08x" % (host, page, index, rng.getrandbits(32))
    resp_headers = headers(rng, ["date", "content-type", "content-length", "cache-control", "etag",
                                 "last-modified", "server", "vary", "x-cache", "x-request-id",
                                 "strict-transport-security", "access-control-allow-origin"])
    if rng.random() < 0.35:
        for _ in range(rng.randint(1, 3)):
            life = rng.choice(["", "; Max-Age=31536000", "; Expires=Wed, 21 Oct 2037 07:28:00 GMT", "; Max-Age=0"])
            resp_headers.append({"name": "set-cookie", "value": "c%d=%08x; Path=/%s" % (index, rng.getrandbits(32), life)})
        if rng.random() < 0.5:
            resp_headers.append({"name": "p3p", "value": rng.choice(POLICIES)})
    return {
        "_initiator": {"type": "script", "url": "https://www.example.com/app.js", "lineNumber": index},
        "_priority": "Low",
        "_resourceType": "script",
        "cache": {},
        "connection": str(rng.randint(1000, 99999)),
        "pageref": "page_%d" % page,
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "http/2.0",
            "headers": headers(rng, [":authority", ":method", ":path", ":scheme", "accept", "accept-encoding",
                                     "accept-language", "cookie", "referer", "sec-fetch-dest", "sec-fetch-mode",
                                     "sec-fetch-site", "user-agent"]),
            "queryString": [{"name": "session", "value": "%08x" % rng.getrandbits(32)}],
            "cookies": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": rng.choice([200, 200, 200, 204, 301, 302, 304, 404]),
            "statusText": "",
            "httpVersion": "http/2.0",
            "headers": resp_headers,
            "cookies": [],
            "content": body(rng),
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": -1,
            "_transferSize": rng.randint(100, 30000),
            "_error": None,
        },
        "serverIPAddress": "192.0.2.%d" % rng.randint(1, 254),
        "startedDateTime": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "time": rng.random() * 300,
        "timings": {"blocked": 1.5, "dns": -1, "ssl": -1, "connect": -1, "send": 0.2, "wait": 40.1,
                    "receive": 3.3, "_blocked_queueing": 0.9},
    }


def main():
    size_mb, out = int(sys.argv[1]), sys.argv[2]
    target = size_mb * 1024 * 1024
    rng = random.Random(11)
    start = datetime(2024, 5, 1, 10, 0, 0, tzinfo=timezone.utc)
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        def put(s):
            nonlocal written
            f.write(s)
            written += len(s.encode("utf-8"))
        put('{\n  "log": {\n    "version": "1.2",\n    "creator": {"name": "WebInspector", "version": "537.36"},\n'
            '    "pages": [],\n    "entries": [\n')
        index, page, t = 0, 0, start
        while written < target:
            if index % 60 == 0:
                page += 1
            t += timedelta(milliseconds=rng.randint(1, 400))
            text = json.dumps(entry(rng, page, index, t), indent=2, ensure_ascii=False)
            put((",\n" if index else "") + "      " + text.replace("\n", "\n      "))
            index += 1
        put("\n    ]\n  }\n}\n")
    print("%s: %d entries, %d pages, %.1f MiB" % (out, index, page, written / 1048576))


if __name__ == "__main__":
    main()
