# -*- coding: utf-8 -*-
"""Runs Bosun on the managed host and turns its one ``--json`` document (docs/json.md) into a module result.

Everything the modules report comes from that document, never from Bosun's text output: ``changed`` from the
plan, Ansible's ``diff`` from the plan's unified diffs, the failure message from ``error.message``. Check mode is
Bosun's ``--dry-run``, so what a check run shows is the plan of exactly the effects a real run would have.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import re

# Options every Bosun module takes (documented in the bosun.host.bosun doc fragment).
BOSUN_ARGUMENT_SPEC = dict(
    executable=dict(type='str', default='bosun'),
    root=dict(type='path'),
)

# A JavaScript member path such as users.ensure or compartments.apply: ASCII identifiers joined by dots, so the
# name can go into Bosun's -e expression without ever being code of its own.
OPERATION_NAME = re.compile(r'^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){1,3}$')

# Plan entries that are changes (docs/json.md: a note explains a plan and is not a change).
NOT_A_CHANGE = frozenset(['note'])

# Bosun prints JSON with non-ASCII text as it is; a C locale on the host must not turn it into '?'.
UTF8_ENVIRONMENT = dict(LANG='C.UTF-8', LC_ALL='C.UTF-8')


def operation_call(op, args):
    """The -e expression that calls operation ``op`` with ``args`` (a list of JSON-able values).

    The arguments travel as one JSON string literal given to JSON.parse, not as a JavaScript object literal:
    a literal would give a key such as ``__proto__`` its JavaScript meaning, JSON.parse keeps it a plain key.
    """
    if not isinstance(op, str) or not OPERATION_NAME.fullmatch(op):
        raise ValueError('op %r must be a module and operation name such as users.ensure (letters, digits, _ joined by dots)'
                         % (op if not isinstance(op, str) else op[:80],))
    if not isinstance(args, list):
        raise ValueError('args must be a list of the operation\'s arguments, got %s' % type(args).__name__)
    encoded = json.dumps(args, ensure_ascii=True, allow_nan=False)
    return '%s(...JSON.parse(%s))' % (op, json.dumps(encoded, ensure_ascii=True))


class Bosun:
    """One Ansible module's use of the bosun executable on the managed host."""

    def __init__(self, module):
        self.module = module

    def executable(self):
        """The bosun executable: the option as given when it is a path, else looked up in PATH."""
        name = self.module.params['executable']
        if '/' in name:
            return name
        found = self.module.get_bin_path(name, required=False)
        if found is None:
            self.module.fail_json(msg='bosun executable %r was not found in PATH on this host; install Bosun '
                                      '(role bosun.host.install) or set the executable option' % name)
        return found

    def argv(self, command):
        """bosun --json [--root DIR] [--dry-run] COMMAND...: check mode is --dry-run."""
        argv = [self.executable(), '--json']
        if self.module.params['root'] is not None:
            argv += ['--root', self.module.params['root']]
        if self.module.check_mode:
            argv.append('--dry-run')
        return argv + list(command)

    def run(self, command, keep_stderr=False):
        """Runs ``bosun ... COMMAND`` and exits the module with its result (or fails with Bosun's error);
        ``keep_stderr`` returns what Bosun wrote on stderr (a script's console.log) as ``stderr``."""
        argv = self.argv(command)
        # Arguments are data: without expand_user_and_vars=False, run_command would expand '$HOME' or '~' in a
        # comment or a script argument on the host.
        rc, out, err = self.module.run_command(argv, check_rc=False, environ_update=UTF8_ENVIRONMENT,
                                               expand_user_and_vars=False)
        document = parse_document(out)
        if document is None:
            self.module.fail_json(msg='bosun printed no JSON document (exit %d): %s' % (rc, last_line(err) or last_line(out)),
                                  rc=rc, cmd=argv, stdout=out, stderr=err)
        for warning in document['warnings']:
            self.module.warn('bosun: %s' % warning)
        plan = document['plan']
        if rc != 0 or not document['ok']:
            error = document['error'] or {}
            message = error.get('message') or 'bosun exited with status %d' % rc
            self.module.fail_json(msg=message, rc=rc, error=document['error'], plan=plan, cmd=argv, stderr=err)
        result = dict(changed=is_change(plan), result=document['result'], plan=plan, cmd=argv)
        if keep_stderr:
            result['stderr'] = err
        if self.module._diff:
            result['diff'] = plan_diff(plan)
        self.module.exit_json(**result)


def parse_document(text):
    """Bosun's --json document, or None when the output is not one (bosun missing, a crashed JVM)."""
    try:
        document = json.loads(text)
    except ValueError:
        return None
    if not isinstance(document, dict):
        return None
    if not isinstance(document.get('ok'), bool) or not isinstance(document.get('plan'), list):
        return None
    if not isinstance(document.get('warnings'), list) or 'result' not in document or 'error' not in document:
        return None
    return document


def is_change(plan):
    """True when the plan has an entry that is a change (notes are not)."""
    return any(entry.get('kind') not in NOT_A_CHANGE for entry in plan)


def plan_diff(plan):
    """Ansible diff entries: one per file the plan changes, with its unified diff as Bosun prepared it; then,
    when the plan has changes without a diff (commands, directories, modes, state), one entry listing them, so
    that --check --diff shows the whole plan."""
    diffs = []
    others = []
    for entry in plan:
        if entry.get('kind') in NOT_A_CHANGE:
            continue
        if entry.get('diff'):
            diffs.append(dict(before_header=entry['target'], after_header=entry['target'], prepared=entry['diff']))
        else:
            others.append('%s: %s' % (entry.get('kind'), entry.get('command') or entry.get('summary') or entry.get('target')))
    if others:
        diffs.append(dict(before_header='bosun plan', after_header='bosun plan',
                          prepared='# changes without a file diff\n' + '\n'.join(others) + '\n'))
    return diffs


def last_line(text):
    lines = [line for line in (text or '').splitlines() if line.strip()]
    return lines[-1][:500] if lines else ''
