#!/usr/bin/env python3
"""Writes quadlet-releases.json: the keys Podman's Quadlet generator accepts, per release line, read from
pkg/systemd/quadlet/quadlet.go at each release tag of a Podman git clone (the supported*Keys maps up to 5.5,
groupsInfo from 5.6; key constants resolved). Every patch release of a line has the same table (checked here),
so one table per line: the line's newest patch tag, and 6.0 from the clone's HEAD (6.0.0-dev).

    extract-quadlet-releases.py PODMAN_GIT_DIR > stdlib/src/main/resources/dev/bosun/stdlib/quadlet/quadlet-releases.json
"""
import json
import re
import subprocess
import sys

REPO = sys.argv[1]
GROUPS = {'Container': 'container', 'Volume': 'volume', 'Network': 'network', 'Kube': 'kube', 'Image': 'image',
          'Build': 'build', 'Pod': 'pod', 'Artifact': 'artifact'}


def show(rev):
    return subprocess.run(['git', '-C', REPO, 'show', rev + ':pkg/systemd/quadlet/quadlet.go'],
                          capture_output=True, text=True, check=True).stdout


def block(src, start):
    i = src.index('{', start)
    depth = 0
    for j in range(i, len(src)):
        depth += {'{': 1, '}': -1}.get(src[j], 0)
        if depth == 0:
            return src[i + 1:j]


def keys(rev):
    src = show(rev)
    consts = dict(re.findall(r'^\s*(Key\w+)\s*=\s*"([^"]+)"', src, re.M))

    def entries(body):
        return sorted({t.strip('"') if t.startswith('"') else consts[t]
                       for t in re.findall(r'(Key\w+|"[^"]+")\s*:\s*true', body)})
    out = {}
    if 'groupsInfo' in src:
        gi = block(src, src.index('groupsInfo = map'))
        for g, label in GROUPS.items():
            m = re.search(r'\b' + g + r'Group:\s*{', gi)
            if m:
                b = block(gi, m.start())
                out[label] = entries(block(b, b.index('SupportedKeys')))
    else:
        for g, label in GROUPS.items():
            m = re.search(r'supported' + g + r'Keys\s*=\s*map\[string\]bool\s*{', src)
            if m:
                out[label] = entries(block(src, m.start()))
    m = re.search(r'supportedQuadletKeys\s*=\s*map\[string\]bool\s*{', src)
    out['quadlet'] = entries(block(src, m.start())) if m else []
    return out


tags = [t for t in subprocess.run(['git', '-C', REPO, 'tag'], capture_output=True, text=True, check=True).stdout.split()
        if re.fullmatch(r'v(4\.[4-9]|5\.\d+)\.\d+', t)]
lines = {}
for t in sorted(tags, key=lambda t: tuple(int(x) for x in t[1:].split('.'))):
    lines.setdefault('.'.join(t[1:].split('.')[:2]), []).append(t)
releases = {}
for line, ts in lines.items():
    tables = [keys(t) for t in ts]
    if any(t != tables[0] for t in tables):
        sys.exit('patch releases of %s accept different keys' % line)
    releases[line] = {'tag': ts[-1], 'units': tables[-1]}
head = subprocess.run(['git', '-C', REPO, 'rev-parse', 'HEAD'], capture_output=True, text=True, check=True).stdout.strip()
releases['6.0'] = {'tag': 'HEAD ' + head + ' (6.0.0-dev)', 'units': keys('HEAD')}
json.dump({'source': 'github.com/containers/podman pkg/systemd/quadlet/quadlet.go at each release tag',
           'releases': releases}, sys.stdout, indent=1, sort_keys=False)
print()
