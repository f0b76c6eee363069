"""The unattended kiosk: lock-down, idle question and reset, staff PIN, overlays, the
on-screen keyboard, the systemd watchdog and memory hand-back.  Built on the ui layer."""
