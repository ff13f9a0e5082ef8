"""People's accounts: one account per email address, and nothing attached to an account without
its owner's say.

An email address is what invitations find people by, so it must belong to one account and be
proven by its owner before it counts (`email_change`), and an invitation to an existing account
is a request its owner accepts (`membership`).
"""
