# -*- coding: utf-8 -*-
"""The options and behaviour every bosun.host module shares (plugins/module_utils/bosun.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):

    DOCUMENTATION = r'''
options:
  executable:
    description:
      - The bosun executable on the managed host, a path or a name looked up in C(PATH).
      - The role M(bosun.host.install) puts it at C(/usr/bin/bosun) (Debian package) or C(/opt/bosun/bin/bosun) (tarball).
    type: str
    default: bosun
  root:
    description:
      - Work on the system under this directory instead of C(/) (Bosun's C(--root DIR)), for files, shadow-utils
        C(--prefix) and the state database under C(DIR/var/lib/bosun).
      - Effects that cannot be redirected into a root (systemd, mounts, network) are refused there unless the
        operation names its target.
    type: path
notes:
  - Runs C(bosun --json) and reads only its one JSON document (ok, result, plan, warnings, error); Bosun's text
    output is never parsed.
  - Check mode runs Bosun with C(--dry-run), so nothing is written or executed that mutates, and the returned plan
    lists exactly the effects a real run would have.
  - C(changed) is true when the plan has a change (a plan entry of any kind but C(note)).
  - Diff mode returns one diff entry per file the plan changes, with Bosun's unified diff, and one more entry
    listing the plan's changes that have no diff (commands, directories, modes, state).
  - A failure fails the task with Bosun's one-line error message; the other hosts go on.
  - Bosun's warnings become Ansible warnings.
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details: Bosun's C(--dry-run).
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details: The plan's unified diffs, one entry per file.
  platform:
    description: Target OS/families that can be operated against.
    support: N/A
    platforms: posix
'''
