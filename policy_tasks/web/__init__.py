"""Server-rendered pages (工作台, task page, supervision console, leaders' dashboard, import).

Views only read through selectors (and the page reads in `queries`) and write through
services; every page is scoped by policy_tasks.permissions.
"""
