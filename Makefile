# frontline — set-up, build, main job and tests on Debian/Ubuntu with Swift on the PATH.
SHELL := /bin/bash
APT_PKGS := pkg-config libgeos-dev libproj-dev libgdal-dev gdal-bin librsvg2-bin chromium-headless-shell ffmpeg postgresql-15-postgis-3 libpq-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT ?= out

.PHONY: setup build test run install clean
PREFIX ?= /usr/local

## setup: install the Debian packages frontline and its tests need, when missing.
setup:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

## build: release build of the frontline binary.
build: setup
	swift build -c release

## run: the main job on the bundled dataset (writes into $(OUT)/).
run: build
	@mkdir -p $(OUT)
	bash tools/main-job.sh .build/release/frontline $(OUT)

## test: the whole test suite, inside a throw-away PostgreSQL cluster on loopback (pg_virtualenv removes it
## afterwards, even when tests fail) so that the PostGIS tests run against a real server.
test: setup
	@if command -v pg_virtualenv >/dev/null; then pg_virtualenv -t swift test; else echo "pg_virtualenv missing: PostGIS tests will skip"; swift test; fi

## install: the binary to PREFIX/bin and the dataset to PREFIX/share/frontline/geodata.
install: build
	install -d $(PREFIX)/bin $(PREFIX)/share/frontline
	install -m 755 .build/release/frontline $(PREFIX)/bin/frontline
	rm -rf $(PREFIX)/share/frontline/geodata && cp -R geodata $(PREFIX)/share/frontline/geodata

clean:
	rm -rf .build $(OUT)
