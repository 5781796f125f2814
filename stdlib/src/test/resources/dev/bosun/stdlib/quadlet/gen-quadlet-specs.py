#!/usr/bin/env python3
"""Generates dev.bosun.stdlib.quadlet.spec.*Spec records from quadlet-keys.json.

Run from the repository root:
  python3 stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py
One record component per key, typed by value kind; the kinds themselves are read at run time from the
same JSON (SpecValues/SpecCodec), so this only fixes names, Java types and docs.
"""
import json, os

KEYS = 'stdlib/src/main/resources/dev/bosun/stdlib/quadlet/quadlet-keys.json'
OUT = 'stdlib/src/main/java/dev/bosun/stdlib/quadlet/spec'
# Acronyms that a mechanical lower-casing would garble.
OVERRIDES = {'IPv6': 'ipv6', 'IPAMDriver': 'ipamDriver', 'IPRange': 'ipRange', 'TLSVerify': 'tlsVerify',
             'ForceRM': 'forceRm', 'UIDMap': 'uidMap', 'GIDMap': 'gidMap', 'SubUIDMap': 'subUidMap',
             'SubGIDMap': 'subGidMap', 'DNS': 'dns', 'DNSOption': 'dnsOption', 'DNSSearch': 'dnsSearch',
             'IP': 'ip', 'IP6': 'ip6', 'OS': 'os', 'UID': 'uid', 'GID': 'gid', 'DisableDNS': 'disableDns',
             'UserNS': 'userNs',
             # Object.notify() makes 'notify' an illegal record component name.
             'Notify': 'sdNotify'}
JAVA = {'string': 'String', 'bool': 'Boolean', 'uint32': 'Long', 'multi': 'List<String>',
        'multi-strv': 'List<String>', 'multi-args': 'List<String>', 'last-args': 'List<String>',
        'multi-keyval': 'Map<String, @Nullable String>'}
KIND_DOC = {'multi': 'one entry per element', 'multi-strv': 'list of words', 'multi-args': 'list of words',
            'last-args': 'command words', 'multi-keyval': 'KEY: VALUE map, null value = bare KEY'}


def camel(k):
    if k in OVERRIDES:
        return OVERRIDES[k]
    i = 0
    while i < len(k) and k[i].isupper():
        i += 1
    if i <= 1:
        return k[:1].lower() + k[1:]
    if i == len(k):
        return k.lower()
    return k[:i - 1].lower() + k[i - 1:]


def esc(s):
    return s.replace('\\', '\\\\').replace('"', '\\"')


def main():
    d = json.load(open(KEYS))
    for unit, v in d['units'].items():
        if unit == 'quadlet':
            continue
        U = unit.upper()
        cls = unit.capitalize() + 'Spec'
        comps = ['        @Doc("unit name without extension, e.g. web (template: web@)") String name']
        checks = ['        name = UnitName.check("name", name, UnitType.%s);' % U]
        for k in sorted(v['keys']):
            det = v['keyDetails'][k]
            c = camel(k)
            doc = det.get('maps') or ''
            if det['kind'] in KIND_DOC:
                doc += ' (' + KIND_DOC[det['kind']] + ')'
            if k in v['deprecatedKeys'] and not doc.startswith('deprecated'):
                doc = 'deprecated: ' + doc
            if not det['inPodman5_4_2']:
                doc += ' [Podman 5.8+]' if det['inPodman5_8_2'] else ' [Podman 6.0+]'
            comps.append('        @Optional @QuadletKey("%s") @Doc("%s=: %s") %s %s' % (k, k, esc(doc), JAVA[det['kind']], c))
            checks.append('        %s = SpecValues.check(UnitType.%s, "%s", "%s", %s);' % (c, U, k, c, c))
        comps.append('        @Optional @QuadletKey(value = "DefaultDependencies", section = "Quadlet") '
                     '@Doc("[Quadlet] DefaultDependencies=: false drops the network-online dependency") Boolean defaultDependencies')
        for sec in ['Unit', 'Service', 'Install']:
            comps.append('        @Optional @FreeSection("%s") @Doc("[%s] entries, Key: value (written verbatim)") '
                         'Map<String, String> %s' % (sec, sec, sec.lower()))
            checks.append('        %s = SpecValues.section("%s", %s);' % (sec.lower(), sec.lower(), sec.lower()))
        comps.append('        @Optional @Doc("true: % in values are systemd specifiers (%h, %N) and kept as written; '
                     'false (default): % is a literal percent sign") Boolean specifiers')
        checks.append('        specifiers = specifiers != null && specifiers;')
        body = '''package dev.bosun.stdlib.quadlet.spec;

import dev.bosun.api.Doc;
''' + ('import dev.bosun.api.Nullable;\n' if any('@Nullable' in c for c in comps) else '') + '''import dev.bosun.api.Optional;
import dev.bosun.stdlib.quadlet.UnitName;
import dev.bosun.stdlib.quadlet.UnitType;

import java.util.List;
import java.util.Map;

// Generated from quadlet-keys.json by stdlib/src/test/resources/dev/bosun/stdlib/quadlet/gen-quadlet-specs.py.

/** A {@code .%(unit)s} unit: one component per key of {@code [%(sec)s]}, plus free [Unit]/[Service]/[Install] entries. */
@Doc("A .%(unit)s Quadlet unit; fields are the keys of [%(sec)s] in camelCase.")
public record %(cls)s(
%(comps)s) implements UnitSpec {
    public %(cls)s {
%(checks)s
    }

    @Override
    public UnitType unitType() {
        return UnitType.%(U)s;
    }
}
''' % dict(unit=unit, sec=v['section'], cls=cls, comps=',\n'.join(comps), checks='\n'.join(checks), U=U)
        open(os.path.join(OUT, cls + '.java'), 'w').write(body)


if __name__ == '__main__':
    main()
