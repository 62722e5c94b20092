"""Staff accounts: sign-in, roles, passwords (argon2id), the idle lock and the recovery code.

Accounts live in this PC's database only (they never travel in sync bundles). Passwords and the
administrator's recovery code are kept as argon2id hashes (memory-hard: guessing is slow even
with the database file in hand). From the :data:`FREE_FAILURES`-th wrong password in a row an
account waits before the next try, a little longer after each further failure (2, 4, 8, 16 seconds,
then at most :data:`THROTTLE_SECONDS`): guessing slows down, but nobody is ever locked out for good.

The desk's :class:`~.audit.SessionState` says who is signed in; :meth:`AccountService.sign_in`
sets it and every service checks it (see services/audit.py, RecordGuard).
"""

from __future__ import annotations

import datetime as dt
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from ..domain.errors import DomainError, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP, msg
from ..domain.permissions import ROLES, Perm, Principal
from ..storage.db import Database
from ..storage.models import Setting, Staff, utcnow
from ..storage.security_models import Account
from .audit import AuditService, SessionState

CTX = "Accounts"
MIN_PASSWORD = 6
FREE_FAILURES = 3  # wrong passwords in a row before the first wait
THROTTLE_SECONDS = 30  # the longest wait
DEFAULT_IDLE_MINUTES = 10
IDLE_RANGE = (1, 120)
IDLE_KEY = "lock_minutes"
# Crockford's base32: no I, L, O, U (nothing to misread on paper).
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 5  # 5 groups of 4 = 100 bits


def _hasher() -> PasswordHasher:
    """argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile: 64 MiB, t=3, p=4)."""
    return PasswordHasher()


# Tests replace this with cheaper parameters; the program always uses the defaults.
make_hasher: Callable[[], PasswordHasher] = _hasher


class SignInFailed(DomainError):
    """Wrong name or password, an inactive account, or too many attempts."""


def _key(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().casefold()


def normalize_recovery_code(code: str) -> str:
    text = unicodedata.normalize("NFKC", str(code)).upper()
    text = text.replace("O", "0").replace("I", "1").replace("L", "1")
    return "".join(ch for ch in text if ch in RECOVERY_ALPHABET)


def new_recovery_code() -> str:
    """A code to print and keep: XXXX-XXXX-XXXX-XXXX-XXXX."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(4 * RECOVERY_GROUPS))
    return "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


@dataclass(frozen=True)
class AccountInfo:
    """An account as the accounts dialog lists it (no hashes)."""

    id: str
    username: str
    display_name: str
    role: str
    active: bool
    must_change_password: bool
    last_sign_in_at: dt.datetime | None


def _principal(account: Account) -> Principal:
    return Principal(account.id, account.username, account.display_name, account.role)


def _info(a: Account) -> AccountInfo:
    return AccountInfo(a.id, a.username, a.display_name, a.role, a.active,
                       a.must_change_password, a.last_sign_in_at)


class AccountService:
    """Accounts, sign-in and the idle-lock setting of one desk."""

    def __init__(self, db: Database, session: SessionState, audit: AuditService,
                 clock: Callable[[], dt.datetime] = utcnow):
        self.db = db
        self.session = session
        self.audit = audit
        self.clock = clock

    # ---- questions -----------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """Whether any account exists (a station set up by ``init`` without one has none)."""
        with self.db.session() as s:
            return bool(s.scalar(select(func.count()).select_from(Account)))

    def has_admin(self) -> bool:
        with self.db.session() as s:
            return bool(s.scalar(select(func.count()).select_from(Account).where(
                Account.role == "admin", Account.active.is_(True))))

    def has_recovery_code(self) -> bool:
        """Whether an active station head holds a recovery code (encrypted USB backups use it)."""
        with self.db.session() as s:
            return bool(s.scalar(select(func.count()).select_from(Account).where(
                Account.role == "admin", Account.active.is_(True),
                Account.recovery_hash.is_not(None))))

    def recovery_code_matches(self, code: str) -> bool:
        """Whether ``code`` is an active station head's current recovery code (checked before
        a USB backup is encrypted with it, so a typo never makes a backup nobody can open).
        Uses nothing up: the code stays valid."""
        normalized = normalize_recovery_code(code)
        if len(normalized) != 4 * RECOVERY_GROUPS:
            return False
        hasher = make_hasher()
        with self.db.session() as s:
            hashes = list(s.scalars(select(Account.recovery_hash).where(
                Account.role == "admin", Account.active.is_(True),
                Account.recovery_hash.is_not(None))))
        return any(_verify(hasher, h, normalized) for h in hashes)

    def accounts(self) -> list[AccountInfo]:
        self.session.require(Perm.ADMIN)
        with self.db.session() as s:
            return [_info(a) for a in s.scalars(select(Account).order_by(Account.created_at))]

    def usernames(self) -> list[str]:
        """Active account names, for the sign-in dialog's list."""
        with self.db.session() as s:
            return list(s.scalars(select(Account.username).where(Account.active.is_(True))
                                  .order_by(Account.created_at)))

    def principal(self, username: str) -> Principal:
        """The principal of an active account (for trusted in-process use: tests, embedding)."""
        with self.db.session() as s:
            account = s.scalar(select(Account).where(Account.username_key == _key(username)))
            if account is None or not account.active:
                raise KeyError(username)
            return _principal(account)

    def must_change_password(self) -> bool:
        user = self.session.user
        if user is None or user.system:
            return False
        with self.db.session() as s:
            account = s.get(Account, user.id)
            return bool(account and account.must_change_password)

    # ---- validation ------------------------------------------------------------------------

    @staticmethod
    def _check_password(password: str, username: str = "") -> None:
        if len(password) < MIN_PASSWORD:
            raise ValidationFailed({"password": msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "A password has at least {n} characters."), n=MIN_PASSWORD)})
        if len(password) > 200:
            raise ValidationFailed({"password": msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "A password has at most 200 characters."))})
        if username and _key(password) == _key(username):
            raise ValidationFailed({"password": msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "The password must not be the account name."))})

    def _check_names(self, s, username: str, display_name: str, role: str) -> dict:
        errors = {}
        key = _key(username)
        if not key or len(username.strip()) > 50 or any(ch.isspace() for ch in username.strip()) \
                or not all(ch.isprintable() for ch in username):
            errors["username"] = msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "An account name has 1 to 50 characters and no spaces."))
        elif s.scalar(select(Account.id).where(Account.username_key == key)):
            errors["username"] = msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "This account name is taken."))
        if not display_name.strip() or len(display_name.strip()) > 50 \
                or not all(ch.isprintable() for ch in display_name):
            errors["display_name"] = msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "Enter the person's name (at most 50 characters)."))
        if role not in ROLES:
            errors["role"] = msg(CTX, QT_TRANSLATE_NOOP("Accounts", "Choose a role."))
        return errors

    def check_new_account(self, username: str, display_name: str, password: str,
                          role: str = "admin") -> None:
        """Validate a new account without creating it (the wizard's last page)."""
        with self.db.session() as s:
            errors = self._check_names(s, username, display_name, role)
        try:
            self._check_password(password, username)
        except ValidationFailed as exc:
            errors.update(exc.errors)
        if errors:
            raise ValidationFailed(errors)

    # ---- accounts --------------------------------------------------------------------------

    def create_account(self, username: str, display_name: str, role: str,
                       password: str, must_change_password: bool = False) -> str:
        """A new account (administrators only); returns its id."""
        self.session.require(Perm.ADMIN)
        return self._create(username, display_name, role, password, must_change_password)[0]

    def create_first_admin(self, username: str, display_name: str,
                           password: str) -> tuple[Principal, str]:
        """The first administrator of a station without accounts; returns the principal and the
        recovery code to print (shown once: only its hash is kept)."""
        if self.has_accounts():
            raise ValidationFailed({"username": msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "This station already has accounts: sign in instead."))})
        account_id, code = self._create(username, display_name, "admin", password, False,
                                        recovery=True, bootstrap=True)
        return self.principal(username), code

    def _create(self, username, display_name, role, password, must_change, recovery=False,
                bootstrap=False) -> tuple[str, str | None]:
        self.check_new_account(username, display_name, password, role)
        hasher = make_hasher()
        code = new_recovery_code() if recovery else None
        recovery_hash = hasher.hash(normalize_recovery_code(code)) if code else None
        account = Account(username=username.strip(), username_key=_key(username),
                          display_name=display_name.strip(), role=role,
                          password_hash=hasher.hash(password), recovery_hash=recovery_hash,
                          must_change_password=must_change, active=True, failed_count=0)
        with self.db.session() as s, s.begin():
            s.add(account)
            s.flush()
            actor = _principal(account) if bootstrap else None
            self.audit.record("account_create", "account", account.id,
                              {"username": account.username, "role": role}, actor=actor, s=s)
        self._add_staff(account.display_name)
        return account.id, code

    def _add_staff(self, name: str) -> None:
        """The person appears in the "staff on duty" list."""
        with self.db.session() as s, s.begin():
            exists = s.scalar(select(Staff).where(Staff.name == name, Staff.deleted_at.is_(None)))
            code = s.get(Setting, "code")
            if exists is None and code is not None:
                s.add(Staff(name=name, station_code=code.value))

    def update_account(self, account_id: str, *, role: str | None = None,
                       active: bool | None = None, display_name: str | None = None) -> None:
        """Change an account's role, name or whether it may sign in (administrators only).

        The last active administrator cannot be demoted or deactivated."""
        self.session.require(Perm.ADMIN)
        if role is not None and role not in ROLES:
            raise ValidationFailed({"role": msg(CTX, QT_TRANSLATE_NOOP("Accounts",
                                                                       "Choose a role."))})
        with self.db.session() as s, s.begin():
            account = s.get(Account, account_id)
            if account is None:
                raise KeyError(account_id)
            losing_admin = account.role == "admin" and account.active and (
                (role is not None and role != "admin") or active is False)
            if losing_admin:
                admins = s.scalar(select(func.count()).select_from(Account).where(
                    Account.role == "admin", Account.active.is_(True)))
                if admins <= 1:
                    raise ValidationFailed({"role": msg(CTX, QT_TRANSLATE_NOOP(
                        "Accounts", "The station needs at least one active station head."))})
            changes = {}
            if role is not None and role != account.role:
                changes["role"] = [account.role, role]
                account.role = role
            if active is not None and active != account.active:
                changes["active"] = [account.active, active]
                account.active = active
            if display_name is not None and display_name.strip() != account.display_name:
                name = display_name.strip()
                if not name or len(name) > 50:
                    raise ValidationFailed({"display_name": msg(CTX, QT_TRANSLATE_NOOP(
                        "Accounts", "Enter the person's name (at most 50 characters)."))})
                changes["display_name"] = [account.display_name, name]
                account.display_name = name
            if changes:
                self.audit.record("account_update", "account", account.id,
                                  {"username": account.username, "changes": changes}, s=s)

    def reset_password(self, account_id: str, new_password: str) -> None:
        """An administrator sets a temporary password; the person changes it at next sign-in."""
        self.session.require(Perm.ADMIN)
        with self.db.session() as s, s.begin():
            account = s.get(Account, account_id)
            if account is None:
                raise KeyError(account_id)
            self._check_password(new_password, account.username)
            account.password_hash = make_hasher().hash(new_password)
            account.must_change_password = account.id != self.session.user.id
            account.failed_count = 0
            self.audit.record("password_reset", "account", account.id,
                              {"username": account.username}, s=s)

    def change_password(self, old_password: str, new_password: str) -> None:
        """The signed-in person changes their own password."""
        user = self.session.require(Perm.READ)
        with self.db.session() as s, s.begin():
            account = s.get(Account, user.id)
            if account is None:
                raise ValidationFailed({"password": msg(CTX, QT_TRANSLATE_NOOP(
                    "Accounts", "Sign in with an account first."))})
            hasher = make_hasher()
            if not _verify(hasher, account.password_hash, old_password):
                raise ValidationFailed({"old_password": msg(CTX, QT_TRANSLATE_NOOP(
                    "Accounts", "The current password is wrong."))})
            self._check_password(new_password, account.username)
            if new_password == old_password:
                raise ValidationFailed({"password": msg(CTX, QT_TRANSLATE_NOOP(
                    "Accounts", "Choose a password different from the current one."))})
            account.password_hash = hasher.hash(new_password)
            account.must_change_password = False
            self.audit.record("password_change", "account", account.id, None, s=s)

    def renew_recovery_code(self) -> str:
        """A new recovery code for the signed-in administrator (the old one stops working)."""
        user = self.session.require(Perm.ADMIN)
        code = new_recovery_code()
        with self.db.session() as s, s.begin():
            account = s.get(Account, user.id)
            if account is None:
                raise ValidationFailed({"password": msg(CTX, QT_TRANSLATE_NOOP(
                    "Accounts", "Sign in with an account first."))})
            account.recovery_hash = make_hasher().hash(normalize_recovery_code(code))
            self.audit.record("account_update", "account", account.id,
                              {"username": account.username, "recovery_code": "renewed"}, s=s)
        return code

    def reset_with_recovery_code(self, code: str, new_password: str,
                                 username: str | None = None) -> tuple[str, str]:
        """Forgotten password: the printed recovery code of an administrator sets a new password.

        Returns (account name, the new recovery code); the used code stops working."""
        normalized = normalize_recovery_code(code)
        hasher = make_hasher()
        with self.db.session() as s, s.begin():
            stmt = select(Account).where(Account.recovery_hash.is_not(None),
                                         Account.role == "admin")
            if username:
                stmt = stmt.where(Account.username_key == _key(username))
            account = None
            if len(normalized) == 4 * RECOVERY_GROUPS:
                account = next((a for a in s.scalars(stmt)
                                if _verify(hasher, a.recovery_hash, normalized)), None)
            if account is None:
                self.audit.record("sign_in_failed", "account", None,
                                  {"reason": "recovery_code"}, actor=_anonymous(), s=s)
        if account is None:
            raise SignInFailed(msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "This recovery code is not valid.")))
        self._check_password(new_password, account.username)
        fresh = new_recovery_code()
        with self.db.session() as s, s.begin():
            account = s.get(Account, account.id)
            account.password_hash = hasher.hash(new_password)
            account.recovery_hash = hasher.hash(normalize_recovery_code(fresh))
            account.must_change_password = False
            account.failed_count = 0
            account.active = True
            self.audit.record("recovery_used", "account", account.id,
                              {"username": account.username}, actor=_principal(account), s=s)
        return account.username, fresh

    # ---- signing in ------------------------------------------------------------------------

    def sign_in(self, username: str, password: str,
                detail: dict | None = None) -> Principal:
        """Check the password and make the person the desk's user; every attempt is recorded
        (a name that matches no account is not: it may be a password typed in the wrong box).
        ``detail`` goes into the entries (the command line says it is the command line)."""
        now = self.clock()
        hasher = make_hasher()
        with self.db.session() as s, s.begin():
            account = s.scalar(select(Account).where(Account.username_key == _key(username)))
            refusal = self._refusal(account, now)
            if refusal is None and not _verify(hasher, account.password_hash, password):
                refusal = msg(CTX, QT_TRANSLATE_NOOP("Accounts", "Wrong account name or password."))
                account.failed_count += 1
                account.last_failed_at = now
            if refusal is not None:
                actor = _principal(account) if account is not None else _anonymous()
                self.audit.record("sign_in_failed", "account",
                                  account.id if account is not None else None,
                                  {**({"failures": account.failed_count} if account is not None
                                      else {"reason": "unknown account"}), **(detail or {})},
                                  actor=actor, s=s)
            else:
                account.failed_count = 0
                account.last_sign_in_at = now
                _upgrade_hash(hasher, account, password)
                user = _principal(account)
                self.audit.record("sign_in", "account", account.id, detail or None,
                                  actor=user, s=s)
        if refusal is not None:
            raise SignInFailed(refusal)
        self.session.user = user
        return user

    def _refusal(self, account: Account | None, now: dt.datetime):
        if account is None or not account.active:
            return msg(CTX, QT_TRANSLATE_NOOP("Accounts", "Wrong account name or password."))
        wait = _wait_left(account, now)
        if wait > 0:
            return msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "Too many wrong passwords. Try again in {n} seconds."),
                n=int(wait) + 1)
        return None

    def wait_seconds(self, username: str) -> int:
        """Seconds before the account may try again (0: now); the sign-in dialog waits this long
        with its button disabled. An unknown name never waits (nothing to tell about it)."""
        with self.db.session() as s:
            account = s.scalar(select(Account).where(Account.username_key == _key(username)))
            if account is None or not account.active:
                return 0
            wait = _wait_left(account, self.clock())
        return int(wait) + 1 if wait > 0 else 0

    def unlock(self, password: str) -> bool:
        """After the idle lock: the same person's password again. Recorded either way."""
        user = self.session.user
        if user is None or user.system:
            return True
        with self.db.session() as s, s.begin():
            account = s.get(Account, user.id)
            ok = account is not None and account.active and self._refusal(account, self.clock()) \
                is None and _verify(make_hasher(), account.password_hash, password)
            if account is not None:
                if ok:
                    account.failed_count = 0
                else:
                    account.failed_count += 1
                    account.last_failed_at = self.clock()
            self.audit.record("unlock" if ok else "unlock_failed", "account", user.id, None,
                              actor=user, s=s)
        return ok

    def record_lock(self) -> None:
        user = self.session.user
        if user is not None and not user.system:
            self.audit.record("lock", "account", user.id, None)

    def sign_out(self) -> None:
        user = self.session.user
        if user is not None and not user.system:
            self.audit.record("sign_out", "account", user.id, None)
        self.session.user = None

    # ---- idle lock -------------------------------------------------------------------------

    def idle_minutes(self) -> int:
        with self.db.session() as s:
            row = s.get(Setting, IDLE_KEY)
        try:
            value = int(row.value) if row else DEFAULT_IDLE_MINUTES
        except ValueError:
            value = DEFAULT_IDLE_MINUTES
        return min(max(value, IDLE_RANGE[0]), IDLE_RANGE[1])

    def set_idle_minutes(self, minutes: int) -> None:
        """How long the program may sit unused before it locks (administrators only)."""
        self.session.require(Perm.ADMIN)
        if not IDLE_RANGE[0] <= int(minutes) <= IDLE_RANGE[1]:
            raise ValidationFailed({"minutes": msg(CTX, QT_TRANSLATE_NOOP(
                "Accounts", "Choose between {low} and {high} minutes."),
                low=IDLE_RANGE[0], high=IDLE_RANGE[1])})
        old = self.idle_minutes()
        with self.db.session() as s, s.begin():
            s.merge(Setting(key=IDLE_KEY, value=str(int(minutes))))
            self.audit.record("settings", None, None,
                              {"changes": {IDLE_KEY: [old, int(minutes)]}}, s=s)


def failure_delay(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong passwords in a row: none for the first few, then
    2, 4, 8, 16 and at most :data:`THROTTLE_SECONDS`."""
    if failures < FREE_FAILURES:
        return 0
    return min(2 ** (failures - FREE_FAILURES + 1), THROTTLE_SECONDS)


def _wait_left(account: Account, now: dt.datetime) -> float:
    if account.last_failed_at is None:
        return 0.0
    delay = failure_delay(account.failed_count or 0)
    return delay - (now - account.last_failed_at).total_seconds() if delay else 0.0


def _anonymous() -> Principal:
    return Principal("", "", "", "")


def _upgrade_hash(hasher: PasswordHasher, account: Account, password: str) -> None:
    """After a successful sign-in (the one moment the password itself is at hand): a hash made
    with other argon2 parameters than the current ones (an older, cheaper default) is replaced
    by a fresh hash with the current parameters."""
    try:
        if hasher.check_needs_rehash(account.password_hash):
            account.password_hash = hasher.hash(password)
    except InvalidHashError:  # pragma: no cover - verify() just accepted this hash
        pass


def _verify(hasher: PasswordHasher, stored: str | None, password: str) -> bool:
    if not stored:
        return False
    try:
        return hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
