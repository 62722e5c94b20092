; 祥云职工之家工作台 — Windows installer (NSIS 3, Unicode, Simplified Chinese pages).
;
; Compiles from a PyInstaller one-folder build:
;   makensis -DVERSION=0.1.0 -DSRC=..\..\dist\xiangyun-desk -DOUTFILE=..\..\dist\xiangyun-desk-0.1.0-setup.exe xiangyun-desk.nsi
; installer/windows/build.ps1 does the whole Windows build (and signing). On Linux, .ci/run
; compiles this script against the Linux build folder (-DFAST: no compression) to check it.
;
; Installs per machine into Program Files (administrator rights), Start menu and desktop
; shortcuts for all users, an entry in 应用和功能. The user's data is in
; %LOCALAPPDATA%\xiangyun-desk and is never touched: upgrading keeps it (the program migrates
; the database at start-up after a backup), uninstalling leaves it.

Unicode true
ManifestDPIAware true
ManifestSupportedOS Win10

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef SRC
  !define SRC "..\..\dist\xiangyun-desk"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\xiangyun-desk-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\xiangyun-desk.ico"
!endif

!define APPID "cn.org.xiangyun.desk"
!define APPNAME "祥云职工之家工作台"
!define PUBLISHER "祥云县总工会"
!define EXE "xiangyun-desk.exe"
!define CONSOLE_EXE "xiangyun-desk-console.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define REG_KEY "Software\${APPID}"

!ifdef FAST
  SetCompress off          ; syntax check on CI: skip the slow compression
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

Name "${APPNAME}"
Caption "${APPNAME} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\XiangyunDesk"
InstallDirRegKey HKLM "${REG_KEY}" "InstallDir"
RequestExecutionLevel admin
BrandingText "${PUBLISHER}"
ShowInstDetails show
ShowUninstDetails show

; Version resource of the setup program (Explorer → 属性 → 详细信息). VIProductVersion needs a.b.c.d.
!searchparse /noerrors "${VERSION}.0.0.0" "" V1 "." V2 "." V3 "."
!ifndef V1
  !define V1 0
!endif
!ifndef V2
  !define V2 0
!endif
!ifndef V3
  !define V3 0
!endif
VIProductVersion "${V1}.${V2}.${V3}.0"
VIFileVersion "${V1}.${V2}.${V3}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}"

; ---- pages ----------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TITLE "欢迎安装${APPNAME}"
!define MUI_WELCOMEPAGE_TEXT "本程序用于乡镇职工之家（职工驿站）登记来访、慰问走访、招聘会和志愿者台账，并生成报表。$\r$\n$\r$\n程序不需要联网，也不需要另外安装 Python。$\r$\n$\r$\n已有的数据保存在 %LOCALAPPDATA%\xiangyun-desk，安装或升级不会改动它；升级后第一次启动时，程序会先备份数据库再升级数据库结构。$\r$\n$\r$\n点击“下一步”继续。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在启动${APPNAME}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从您的电脑上删除${APPNAME}程序。$\r$\n$\r$\n您的台账数据和备份（%LOCALAPPDATA%\xiangyun-desk）会保留，不会被删除；如需彻底删除，请在卸载后手动删除该文件夹。"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

LangString MSG_NEED_X64 ${LANG_SIMPCHINESE} "${APPNAME}需要 64 位的 Windows 10 或更新版本。"
LangString MSG_RUNNING ${LANG_SIMPCHINESE} "${APPNAME}正在运行。请先关闭程序窗口，再点击“重试”。"

; ---- install --------------------------------------------------------------------------------
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(MSG_NEED_X64)"
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

!macro WaitUntilClosed UN
Function ${UN}WaitUntilClosed
  ; The program's folder cannot be replaced while it runs: ask until it is closed.
  retry:
    ClearErrors
    ${If} ${FileExists} "$INSTDIR\${EXE}"
      FileOpen $0 "$INSTDIR\${EXE}" a
      ${If} ${Errors}
        MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" IDRETRY retry
        Abort
      ${EndIf}
      FileClose $0
    ${EndIf}
FunctionEnd
!macroend
!insertmacro WaitUntilClosed ""
!insertmacro WaitUntilClosed "un."

Section "${APPNAME}" SecMain
  SectionIn RO
  Call WaitUntilClosed
  SetShellVarContext all
  ; An upgrade replaces the program files completely (no stale modules from the old version);
  ; the user's data is elsewhere and stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CONSOLE_EXE}"

  SetOutPath "$INSTDIR"
  File /r "${SRC}\*.*"
  File "/oname=xiangyun-desk.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\xiangyun-desk.ico" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\卸载${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\xiangyun-desk.ico" 0

  WriteRegStr HKLM "${REG_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REG_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\xiangyun-desk.ico"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; ---- uninstall ------------------------------------------------------------------------------
Section "Uninstall"
  Call un.WaitUntilClosed
  SetShellVarContext all
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"

  ; Only the program's own files. %LOCALAPPDATA%\xiangyun-desk (the data) is left alone.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CONSOLE_EXE}"
  Delete "$INSTDIR\xiangyun-desk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${REG_KEY}"
  DetailPrint "台账数据保留在 %LOCALAPPDATA%\xiangyun-desk"
SectionEnd
