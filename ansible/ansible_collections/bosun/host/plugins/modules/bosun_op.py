#!/usr/bin/python
# -*- coding: utf-8 -*-

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: bosun_op
short_description: Call one Bosun operation with its arguments
version_added: 0.1.0
description:
  - Calls one of Bosun's typed operations (C(bosun ops) lists them) on the managed host, for example
    C(users.ensure) or C(quadlet.install), with arguments given as YAML.
  - Operations that change the host are ensures, so a second run reports C(changed=false).
  - Bad arguments are refused by Bosun before anything runs, with one line that names the operation, the value
    and the rule; the task fails with that line.
options:
  op:
    description:
      - The operation, as C(module.operation) (for a plugin's module the same way).
    type: str
    required: true
  args:
    description:
      - The operation's arguments, in order, as YAML values (records as mappings, lists as lists).
      - They reach Bosun as JSON and are converted and validated as a script's arguments are.
    type: list
    elements: raw
    default: []
extends_documentation_fragment:
  - bosun.host.bosun
author:
  - Bosun maintainers
seealso:
  - module: bosun.host.bosun_script
  - module: bosun.host.bosun_compartment
'''

EXAMPLES = r'''
- name: A system user for the web service
  bosun.host.bosun_op:
    op: users.ensure
    args:
      - name: web
        system: false
        createHome: true
        shell: /usr/sbin/nologin

- name: Its sub-UID and sub-GID ranges
  bosun.host.bosun_op:
    op: subids.allocate
    args: [web]

- name: The same, in an image tree instead of the live system
  bosun.host.bosun_op:
    op: users.ensure
    args: [{name: web}]
    root: /srv/images/host1

- name: Read-only operations report changed=false; their value is in result
  bosun.host.bosun_op:
    op: users.get
    args: [web]
  register: web
'''

RETURN = r'''
result:
  description: The operation's value, as Bosun's C(--json) document gives it (null when it returns nothing).
  returned: success
  type: raw
  sample: {"name": "web", "changed": true, "created": true}
plan:
  description:
    - The changes in order, as in Bosun's C(--json) document; planned in check mode, made otherwise.
    - Each has C(kind) (write, create, delete, mkdir, attributes, exec, state or note), C(target), C(summary),
      and C(command) for commands or C(diff) (a unified diff) for files.
  returned: always
  type: list
  elements: dict
  sample: [{"kind": "exec", "target": "useradd", "summary": "useradd -U -m web", "command": "useradd -U -m web"}]
cmd:
  description: The bosun command line that ran.
  returned: always
  type: list
  elements: str
  sample: ["/usr/bin/bosun", "--json", "-e", "users.ensure(...JSON.parse(\"[{\\\"name\\\": \\\"web\\\"}]\"))"]
error:
  description: Bosun's error (C(message), and C(op) and C(param) when known); the task's C(msg) is its message.
  returned: failure
  type: dict
  sample: {"op": "users.ensure", "message": "TypeError: users.ensure: name \"Web/1\" must match [a-z_][a-z0-9_-]*[$]?"}
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.bosun.host.plugins.module_utils.bosun import BOSUN_ARGUMENT_SPEC, Bosun, operation_call


def main():
    argument_spec = dict(
        op=dict(type='str', required=True),
        args=dict(type='list', elements='raw', default=[]),
    )
    argument_spec.update(BOSUN_ARGUMENT_SPEC)
    module = AnsibleModule(argument_spec=argument_spec, supports_check_mode=True)
    try:
        expression = operation_call(module.params['op'], module.params['args'])
    except ValueError as e:
        module.fail_json(msg='bosun_op: %s' % e)
    Bosun(module).run(['-e', expression])


if __name__ == '__main__':
    main()
