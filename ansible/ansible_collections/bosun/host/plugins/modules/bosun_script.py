#!/usr/bin/python
# -*- coding: utf-8 -*-

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: bosun_script
short_description: Run a Bosun script with arguments
version_added: 0.1.0
description:
  - Runs a Bosun JavaScript script (an ES module, C(bosun run FILE ARGS...)), either a file on the managed host
    (I(path)) or its source text (I(content), e.g. from a C(file) lookup on the controller), which the module
    writes to a private temporary file on the host for the run. Content works in check mode on a host that has
    never seen the script, where a copy task would not have copied it yet.
  - The task is C(changed) when the script's plan has a change; a script made of ensures reports
    C(changed=false) on a converged host.
  - What the script prints itself (C(console.log)) is returned as C(stderr); Bosun keeps stdout for its JSON
    document.
options:
  path:
    description:
      - The script on the managed host.
      - Exactly one of I(path) and I(content).
    type: path
  content:
    description:
      - The script's source text; it may only import Bosun's modules (C(bosun:users), ...), not files beside it.
      - Exactly one of I(path) and I(content).
    type: str
  args:
    description:
      - The script's arguments (its C(args) array), as strings.
    type: list
    elements: str
    default: []
extends_documentation_fragment:
  - bosun.host.bosun
author:
  - Bosun maintainers
seealso:
  - module: bosun.host.bosun_op
'''

EXAMPLES = r'''
- name: A rootless web service for user web on port 8080, the script coming from the controller
  bosun.host.bosun_script:
    content: "{{ lookup('ansible.builtin.file', 'scripts/quadlet-web.js') }}"
    args: [web, docker.io/library/nginx:1.27, "8080"]

- name: A script that is on the host already
  bosun.host.bosun_script:
    path: /usr/local/share/bosun/quadlet-web.js
    args: [web]

- name: The same into an image tree (systemd is left alone there)
  bosun.host.bosun_script:
    path: /usr/local/share/bosun/quadlet-web.js
    args: [web]
    root: /srv/images/host1
'''

RETURN = r'''
result:
  description: The script's value (null for a script run).
  returned: success
  type: raw
  sample: null
plan:
  description:
    - The changes in order, as in Bosun's C(--json) document; planned in check mode, made otherwise.
    - Each has C(kind) (write, create, delete, mkdir, attributes, exec, state or note), C(target), C(summary),
      and C(command) for commands or C(diff) (a unified diff) for files.
  returned: always
  type: list
  elements: dict
  sample: [{"kind": "create", "target": "/home/web/.config/containers/systemd/web.container", "summary": "create ...", "diff": "--- /dev/null\n..."}]
stderr:
  description: What the script printed (C(console.log) goes to stderr under C(--json)).
  returned: always
  type: str
  sample: "user web: created\n"
cmd:
  description: The bosun command line that ran.
  returned: always
  type: list
  elements: str
  sample: ["/usr/bin/bosun", "--json", "run", "/usr/local/share/bosun/quadlet-web.js", "web"]
error:
  description: Bosun's error (C(message), and C(op) and C(param) when known); the task's C(msg) is its message.
  returned: failure
  type: dict
  sample: {"message": "the script called exit(4)"}
'''

import io
import os

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.bosun.host.plugins.module_utils.bosun import BOSUN_ARGUMENT_SPEC, Bosun


def script_file(module):
    """The script to run: the path as given, or the content written to a file in the module's private temporary
    directory (Ansible's remote tmp, mode 0700, removed after the task)."""
    if module.params['path'] is not None:
        path = module.params['path']
        # A file name starting with '-' would read as an option of bosun run.
        return './' + path if path.startswith('-') else path
    path = os.path.join(module.tmpdir, 'script.js')
    with io.open(path, 'w', encoding='utf-8') as f:
        f.write(module.params['content'])
    return path


def main():
    argument_spec = dict(
        path=dict(type='path'),
        content=dict(type='str'),
        args=dict(type='list', elements='str', default=[]),
    )
    argument_spec.update(BOSUN_ARGUMENT_SPEC)
    module = AnsibleModule(
        argument_spec=argument_spec,
        supports_check_mode=True,
        mutually_exclusive=[('path', 'content')],
        required_one_of=[('path', 'content')],
    )
    path = script_file(module)
    Bosun(module).run(['run', path] + module.params['args'], keep_stderr=True)


if __name__ == '__main__':
    main()
