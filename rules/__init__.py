"""The shipped rule packs (TOML). Installed as the notelint.rules package so a wheel carries them."""
