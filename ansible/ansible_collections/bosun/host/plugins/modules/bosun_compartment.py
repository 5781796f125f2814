#!/usr/bin/python
# -*- coding: utf-8 -*-

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: bosun_compartment
short_description: Converge a Bosun compartment (a declared rootless application) or remove it
version_added: 0.1.0
description:
  - A compartment is a rootless application declared as one spec (docs/compartments.md), with its user, sub-IDs,
    volumes, networks, containers and units. This module converges the host to the spec with
    C(compartments.apply(spec)), removes one with C(compartments.remove(id)), or only reads the plan with
    C(compartments.plan(spec)).
  - In check mode C(state=present) and C(state=absent) run Bosun with C(--dry-run); the returned plan is exactly
    what the real run would do.
  - Needs a Bosun with the C(compartments) module.
options:
  state:
    description:
      - C(present) applies the spec (C(compartments.apply)); a converged host reports C(changed=false).
      - C(absent) removes the compartment C(id) (C(compartments.remove)).
      - C(planned) only returns C(compartments.plan(spec)) as C(result) and never changes the host.
    type: str
    choices: [present, absent, planned]
    default: present
  spec:
    description:
      - The compartment spec, as a mapping (the JSON spec in YAML); required unless C(state=absent).
    type: dict
  id:
    description:
      - The compartment to remove with C(state=absent); defaults to C(spec.id).
    type: str
  keep_volumes:
    description:
      - With C(state=absent), keep the compartment's volumes (C(keepVolumes)).
    type: bool
  force:
    description:
      - With C(state=absent), remove even while the compartment's user still has processes (C(force)).
    type: bool
extends_documentation_fragment:
  - bosun.host.bosun
author:
  - Bosun maintainers
seealso:
  - module: bosun.host.bosun_op
'''

EXAMPLES = r'''
- name: An nginx compartment
  bosun.host.bosun_compartment:
    spec: "{{ lookup('ansible.builtin.file', 'web.json') | from_json }}"

- name: Its plan, for review
  bosun.host.bosun_compartment:
    spec: "{{ lookup('ansible.builtin.file', 'web.json') | from_json }}"
    state: planned
  register: web_plan

- name: Remove it, keeping its volumes
  bosun.host.bosun_compartment:
    id: web
    state: absent
    keep_volumes: true
'''

RETURN = r'''
result:
  description: The value of C(compartments.apply), C(compartments.remove) or C(compartments.plan).
  returned: success
  type: raw
plan:
  description:
    - The changes in order, as in Bosun's C(--json) document; planned in check mode, made otherwise (empty for
      C(state=planned), whose plan is its C(result)).
  returned: always
  type: list
  elements: dict
cmd:
  description: The bosun command line that ran.
  returned: always
  type: list
  elements: str
error:
  description: Bosun's error (C(message), and C(op) and C(param) when known); the task's C(msg) is its message.
  returned: failure
  type: dict
'''

from ansible.module_utils.basic import AnsibleModule
from ansible_collections.bosun.host.plugins.module_utils.bosun import BOSUN_ARGUMENT_SPEC, Bosun, operation_call


def call(module):
    """The compartments operation and its arguments for the task's state."""
    params = module.params
    state = params['state']
    if state != 'absent':
        return operation_call('compartments.apply' if state == 'present' else 'compartments.plan', [params['spec']])
    ident = params['id']
    if ident is None and params['spec'] is not None:
        ident = params['spec'].get('id')
    if not isinstance(ident, str) or not ident:
        module.fail_json(msg='bosun_compartment: state=absent needs id (or a spec with an id)')
    options = {}
    if params['keep_volumes'] is not None:
        options['keepVolumes'] = params['keep_volumes']
    if params['force'] is not None:
        options['force'] = params['force']
    return operation_call('compartments.remove', [ident, options] if options else [ident])


def main():
    argument_spec = dict(
        state=dict(type='str', choices=['present', 'absent', 'planned'], default='present'),
        spec=dict(type='dict'),
        id=dict(type='str'),
        keep_volumes=dict(type='bool'),
        force=dict(type='bool'),
    )
    argument_spec.update(BOSUN_ARGUMENT_SPEC)
    module = AnsibleModule(
        argument_spec=argument_spec,
        supports_check_mode=True,
        required_if=[('state', 'present', ['spec']), ('state', 'planned', ['spec'])],
    )
    Bosun(module).run(['-e', call(module)])


if __name__ == '__main__':
    main()
