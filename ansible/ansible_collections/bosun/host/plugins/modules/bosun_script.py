#!/usr/bin/python
# -*- coding: utf-8 -*-

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: bosun_script
short_description: Run a Bosun script with arguments
version_added: 0.1.0
description:
  - Runs a Bosun JavaScript script (an ES module, C(bosun run FILE ARGS...)) that is on the managed host; copy it
    there first (M(ansible.builtin.copy)) when it comes from the controller.
  - The task is C(changed) when the script's plan has a change; a script made of ensures reports
    C(changed=false) on a converged host.
  - What the script prints itself (C(console.log)) is returned as C(stderr); Bosun keeps stdout for its JSON
    document.
options:
  path:
    description:
      - The script on the managed host.
    type: path
    required: true
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
- name: Copy the provisioning script to the host
  ansible.builtin.copy:
    src: quadlet-web.js
    dest: /usr/local/share/bosun/quadlet-web.js
    mode: "0644"

- name: A rootless web service for user web on port 8080
  bosun.host.bosun_script:
    path: /usr/local/share/bosun/quadlet-web.js
    args: [web, docker.io/library/nginx:1.27, "8080"]

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

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.bosun.host.plugins.module_utils.bosun import BOSUN_ARGUMENT_SPEC, Bosun


def main():
    argument_spec = dict(
        path=dict(type='path', required=True),
        args=dict(type='list', elements='str', default=[]),
    )
    argument_spec.update(BOSUN_ARGUMENT_SPEC)
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    path = module.params['path']
    # A file name starting with '-' would read as an option of bosun run.
    if path.startswith('-'):
        path = './' + path
    Bosun(module).run(['run', path] + module.params['args'], keep_stderr=True)


if __name__ == '__main__':
    main()
