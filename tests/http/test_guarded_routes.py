"""One authorisation step per HTTP request (docs/security.md, "One authorisation step per HTTP
request"): every view function of the app is either guarded (`conference.guard.guarded`, which
asks `speakers.policy` once) or says it has nothing to guard (`conference.guard.public`); and no
code or template of the application compares roles outside `speakers/policy.py` and
`speakers/identity.py`, so "who may" has one answer."""
from __future__ import annotations

import ast
import re

from conftest import ROOT

from conference.guard import PUBLIC, guard_of
from speakers import policy

PACKAGES = ("conference", "sessions", "speakers", "timing")
ROLE_HOME = {"speakers/policy.py", "speakers/identity.py"}
# Flask's own static files: not a view of Minbar's.
FLASK_OWN = {"static"}


def test_every_view_function_is_guarded_or_public(app):
    unmarked = sorted(endpoint for endpoint, view in app.view_functions.items()
                      if endpoint not in FLASK_OWN and guard_of(view) is None)
    assert unmarked == [], f"routes with neither @guarded nor @public: {unmarked}"


def test_every_guarded_action_is_declared_by_the_policy(app):
    for endpoint, view in app.view_functions.items():
        guard = guard_of(view)
        if guard is None or guard == PUBLIC or "." not in guard:
            continue      # public, or an action chosen per request by a named function
        assert guard in policy.ACTIONS, (endpoint, guard)


def test_the_walk_would_see_an_unmarked_route(app):
    """The check above can fail: a route added without a decorator is found."""
    app.add_url_rule("/unguarded-probe", "unguarded_probe", lambda: "")
    assert guard_of(app.view_functions["unguarded_probe"]) is None


def _is_role(node: ast.AST) -> bool:
    """`x.role` (but `AccessToken.role` on a model class builds SQL: a query decides nothing)."""
    if isinstance(node, ast.Attribute) and node.attr == "role":
        return not (isinstance(node.value, ast.Name) and node.value.id[:1].isupper())
    return False


def _names_a_role(node: ast.AST) -> bool:
    """A role's name written out: "chair", or a literal tuple, list or set of names."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return isinstance(node, (ast.Tuple, ast.List, ast.Set)) and bool(node.elts) and all(map(_names_a_role, node.elts))


def _compares_a_role(node: ast.Compare) -> bool:
    sides = [node.left, *node.comparators]
    if any(_is_role(side) for side in sides):
        return True
    # A variable called `role` against role names (`role == "interpreter"`); a slot's `role`
    # text compared with a person's name (conference/ical.py) is not about access.
    return any(isinstance(side, ast.Name) and side.id == "role" for side in sides) and any(map(_names_a_role, sides))


def _checks_a_role_exists(node: ast.Compare) -> bool:
    """`role in ROLES`: whether a role is one at all (input validation), not who may."""
    return any(isinstance(c, ast.Name) and c.id == "ROLES" for c in node.comparators)


def role_comparisons(source: str) -> list[int]:
    """Line numbers of comparisons of a role (`x.role == "chair"`, `role in (...)`, `role != y`)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and not _checks_a_role_exists(node) and _compares_a_role(node):
            found.append(node.lineno)
    return found


TEMPLATE_ROLE = re.compile(r"\.role\s*(==|!=|\bin\b|\bnot\s+in\b)|\brole\s*(==|!=)")


def test_no_role_is_compared_outside_the_policy():
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name in ROLE_HOME or "/migrations/" in name:
                continue
            found += [f"{name}:{line}" for line in role_comparisons(path.read_text(encoding="utf-8"))]
    for path in sorted((ROOT / "templates").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TEMPLATE_ROLE.search(line):
                found.append(f"{path.relative_to(ROOT).as_posix()}:{number}")
    assert found == [], f"roles compared outside speakers/policy.py: {found}"


def test_the_role_check_sees_every_form_of_comparison():
    source = '''
who.role == "organiser"
"chair" != identity.role
role in ("chair", "organiser")
actor.role not in {"interpreter"}
role in ROLES
AccessToken.role == "chair"
role != name
role == "interpreter"
'''
    assert role_comparisons(source) == [2, 3, 4, 5, 9]
    assert TEMPLATE_ROLE.search('{% if identity.role == "interpreter" %}')
