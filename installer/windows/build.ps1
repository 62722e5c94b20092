<#
.SYNOPSIS
  Build the Windows installer of 祥云职工之家工作台: dist\xiangyun-desk-<version>-setup.exe

.DESCRIPTION
  Run on a Windows 10/11 x64 build PC (not on a station PC) from the repository root or anywhere:

    powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
    powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 -Python "C:\Python311\python.exe" -Sign

  Steps: a fresh virtualenv (.venv-win) with the project and PyInstaller (from PyPI, or from a
  wheel folder with -Wheelhouse for an offline build PC); the PyInstaller one-folder build
  (installer\xiangyun-desk.spec); `xiangyun-desk-console.exe self-check` on the result (offscreen);
  optional Authenticode signing of the two .exe files; makensis; signing of the setup program.

  Needs: Python 3.11 x64 (python.org installer), NSIS 3.x (makensis.exe on PATH or in
  "C:\Program Files (x86)\NSIS"), for -Sign the Windows SDK's signtool.exe and a code-signing
  certificate (a .pfx in XYD_SIGN_PFX with its password in XYD_SIGN_PASSWORD, or a certificate in
  the store selected by thumbprint in XYD_SIGN_THUMBPRINT).
#>
param(
  [string]$Python = "py -3.11",
  [string]$Wheelhouse = "",
  [switch]$Sign,
  [string]$TimestampUrl = "http://timestamp.digicert.com"
)
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
Set-Location $Root
$PyInstallerVersion = "6.22.3"
$Started = Get-Date

function Invoke-Checked([string]$What, [scriptblock]$Block) {
  Write-Host "== $What"
  & $Block
  if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

# ---- 1. virtualenv ------------------------------------------------------------------------------
$Venv = Join-Path $Root ".venv-win"
if (-not (Test-Path "$Venv\Scripts\python.exe")) {
  Invoke-Checked "virtualenv" { Invoke-Expression "$Python -m venv `"$Venv`"" }
}
$Py = "$Venv\Scripts\python.exe"
$PipArgs = @("install", "-q", "-e", ".", "pyinstaller==$PyInstallerVersion")
if ($Wheelhouse) { $PipArgs = @("install", "-q", "--no-index", "--find-links", $Wheelhouse, "-e", ".", "pyinstaller==$PyInstallerVersion") }
Invoke-Checked "pip install" { & $Py -m pip @PipArgs }
$Version = (& $Py -c "import xiangyun_desk; print(xiangyun_desk.__version__)").Trim()

# ---- 2. PyInstaller -----------------------------------------------------------------------------
Invoke-Checked "PyInstaller one-folder build" {
  & $Py -m PyInstaller installer\xiangyun-desk.spec --noconfirm --log-level WARN `
    --distpath "$Root\dist" --workpath "$Root\build\pyinstaller-win"
}
$Frozen = "$Root\dist\xiangyun-desk"

# ---- 3. self-check of the frozen build ------------------------------------------------------------
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked "--version" { & "$Frozen\xiangyun-desk-console.exe" --version }
Invoke-Checked "self-check" { & "$Frozen\xiangyun-desk-console.exe" self-check }
Remove-Item Env:\QT_QPA_PLATFORM

# ---- 4. signing -------------------------------------------------------------------------------
function Sign-File([string]$Path) {
  $SignTool = (Get-Command signtool.exe -ErrorAction SilentlyContinue).Source
  if (-not $SignTool) {
    $SignTool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
      Sort-Object FullName | Select-Object -Last 1 -ExpandProperty FullName
  }
  if (-not $SignTool) { throw "signtool.exe not found (Windows SDK)" }
  $Args = @("sign", "/fd", "SHA256", "/tr", $TimestampUrl, "/td", "SHA256",
            "/d", "祥云职工之家工作台")
  if ($env:XYD_SIGN_PFX) { $Args += @("/f", $env:XYD_SIGN_PFX, "/p", $env:XYD_SIGN_PASSWORD) }
  elseif ($env:XYD_SIGN_THUMBPRINT) { $Args += @("/sha1", $env:XYD_SIGN_THUMBPRINT) }
  else { throw "set XYD_SIGN_PFX (+ XYD_SIGN_PASSWORD) or XYD_SIGN_THUMBPRINT" }
  Invoke-Checked "sign $Path" { & $SignTool @Args $Path }
}
if ($Sign) {
  Sign-File "$Frozen\xiangyun-desk.exe"
  Sign-File "$Frozen\xiangyun-desk-console.exe"
}

# ---- 5. NSIS ----------------------------------------------------------------------------------
$MakeNsis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $MakeNsis) { $MakeNsis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
if (-not (Test-Path $MakeNsis)) { throw "makensis.exe not found: install NSIS 3" }
$Setup = "$Root\dist\xiangyun-desk-$Version-setup.exe"
Invoke-Checked "makensis" {
  & $MakeNsis -V2 "-DVERSION=$Version" "-DSRC=$Frozen" "-DOUTFILE=$Setup" `
    "-DICON=$Root\resources\icons\xiangyun-desk.ico" "$Root\installer\windows\xiangyun-desk.nsi"
}
if ($Sign) { Sign-File $Setup }

$Size = (Get-Item $Setup).Length
$Minutes = [math]::Round(((Get-Date) - $Started).TotalMinutes, 1)
Write-Host ("{0}: {1:N1} MB, built in {2} min" -f $Setup, ($Size / 1MB), $Minutes)
