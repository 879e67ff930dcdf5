"""The interpreters' booth and the speech texts uploaded for it."""
