"""Where evidence and export files live: local disk by default, S3-compatible object storage by setting.

config.py turns the environment into the STORAGES entry; s3.py is the backend that signs
download links; downloads.py answers a download with such a link where the storage has one.
"""
