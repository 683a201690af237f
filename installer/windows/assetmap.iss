; Inno Setup script: wraps the PyInstaller folder (dist\assetmap) built on Windows with
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\assetmap.spec
; then:  iscc installer\windows\assetmap.iss   ->  dist\assetmap-setup-0.1.0.exe
#define AppName "assetmap"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C0B7A3E-2F5B-4B3D-9D7E-0A8E4C1F2A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=assetmap contributors
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=assetmap-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\assetmap.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Files]
Source: "..\..\dist\assetmap\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\assetmap.exe"; Parameters: "open"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\assetmap.exe"; Parameters: "open"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Registry]
Root: HKA; Subkey: "Software\Classes\.gpkg\OpenWithProgids"; ValueType: string; ValueName: "assetmap.project"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\assetmap.project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\assetmap.exe"" open ""%1"""; Flags: uninsdeletekey

[Run]
Filename: "{app}\assetmap.exe"; Parameters: "demo"; Description: "Open the demo project"; Flags: nowait postinstall skipifsilent
