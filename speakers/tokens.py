"""Signed access tokens: what a sign-in link carries.

A token is the link's id signed with the app's secret (itsdangerous), so it cannot be forged or
altered; everything else about the link (role, session, booth, name) lives in its database row,
which is also what makes revocation immediate. No Flask import: the secret is passed in.
"""
from __future__ import annotations

import secrets

from itsdangerous import BadSignature, URLSafeSerializer

SALT = "minbar.access"


class InvalidToken(Exception):
    pass


def new_id() -> str:
    return secrets.token_urlsafe(12)


def sign(token_id: str, secret: str) -> str:
    return URLSafeSerializer(secret, salt=SALT).dumps(token_id)


def unsign(token: str, secret: str) -> str:
    if not isinstance(token, str) or not token or len(token) > 200:
        raise InvalidToken("The access token is malformed.")
    try:
        value = URLSafeSerializer(secret, salt=SALT).loads(token)
    except BadSignature:
        raise InvalidToken("The access token is not valid.") from None
    if not isinstance(value, str):
        raise InvalidToken("The access token is not valid.")
    return value
