/**
 * PyPI lockfile, manifest and pip-configuration extractors; {@link
 * dev.bulwark.inventory.pypi.PypiExtractors#all()} lists them.
 *
 * <p>Formats and ids: {@code pypi/requirements} (pip requirements and constraints files),
 * {@code pypi/poetry-lock}, {@code pypi/pipfile-lock}, {@code pypi/pdm-lock}, {@code
 * pypi/uv-lock}, {@code pypi/pylock} (PEP 751), the manifests {@code pypi/pyproject}, {@code
 * pypi/pipfile} and {@code pypi/setup-cfg}, and {@code pypi/pip-conf} (indexes only).
 *
 * <p>Choices worth knowing:
 *
 * <ul>
 *   <li>Names are PEP 503-normalised. A version is "exact" only for one {@code ==}/{@code ===}
 *       clause without a wildcard (and, in Poetry, a bare version, which Poetry reads as exact);
 *       anything else is {@code unpinned} with the specifier text as the version ("" for any).
 *   <li>Requirements files: every entry is direct, with path [root file, entry]. Includes
 *       ({@code -r}, {@code -c}) are read through {@code LockfileInput.readRelative}, at most 10
 *       deep and 200 files, each file once, all together no more text than one file's size limit; cycles, absolute paths, URLs and paths that leave the
 *       scan root (the directory the display path is relative to) are Problems, not reads.
 *       Entries of constraints files are reported only when the same name is also required, as
 *       their own entries at their own lines. An entry is dev when the file it is written in is
 *       named like "requirements-dev.txt" or "test-requirements.txt" (a heuristic). URL and VCS
 *       entries are named by {@code #egg=}, else by an archive file name (a wheel or sdist name
 *       also gives the exact version), else, for local paths and VCS URLs only, by the last path
 *       segment (a guess: pip would read the name from the built metadata); unnamed ones, such
 *       as {@code -e .}, are Problems.
 *   <li>Lockfiles: direct dependencies come from the manifest beside the lockfile
 *       (pyproject.toml, or Pipfile for Pipfile.lock; uv.lock from its own root entries); without
 *       one they are the packages nothing else depends on. Paths are shortest paths from the
 *       lockfile through the direct dependency. Dev comes from the lockfile's groups or category
 *       when recorded, else from reachability from the manifest's dev groups only.
 *   <li>Package indexes: the first or default index is "index-url", others "extra-index-url";
 *       Poetry "legacy" sources in poetry.lock, whose priority the lock does not record, are
 *       "extra-index-url". Registry URLs are reported as written; deciding which is the public
 *       default is left to the checks that read them.
 *   <li>Hostile input: TOML nesting is limited to 32 levels, JSON to 64, TOML text to 24 MiB
 *       (tomlj is slow); dependency paths to 32 items; TOML or JSON syntax
 *       errors fail the file with the error's line. Requirements lines over 64 KiB, PEP 508
 *       strings over 8 KiB and more than 200,000 entries are Problems, and reading goes on.
 * </ul>
 */
package dev.bulwark.inventory.pypi;
