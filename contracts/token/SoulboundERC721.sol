// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC165, IERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";

/**
 * @title SoulboundERC721
 * @notice The read side of ERC-721 for tokens that never move: seats and official documents.
 * @dev Every transfer and approval entry point reverts with {SoulboundTokenNotTransferable}. Minting and burning
 * are emitted by the concrete contract as standard {Transfer} events from and to the zero address, so wallets and
 * indexers see ordinary ERC-721 tokens. Storage is left to the concrete contract: a soulbound token needs no
 * approvals and, for seats and documents, no separate balance counter, which saves a 22.1k-gas slot per mint
 * compared with OpenZeppelin's ERC721.
 */
abstract contract SoulboundERC721 is ERC165, IERC721Metadata, IERC721Errors {
    /// @notice Soulbound tokens cannot be transferred or approved.
    error SoulboundTokenNotTransferable();

    /// @inheritdoc IERC721
    /// @param tokenId The token.
    /// @return owner The current holder; reverts with {ERC721NonexistentToken} if there is none.
    function ownerOf(uint256 tokenId) public view virtual returns (address owner) {
        owner = _ownerOf(tokenId);
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
    }

    /// @inheritdoc IERC721
    /// @param owner The account; reverts with {ERC721InvalidOwner} for the zero address.
    /// @return The number of tokens `owner` holds, 0 if none.
    function balanceOf(address owner) public view virtual returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _balanceOf(owner);
    }

    /// @notice Always reverts: soulbound tokens cannot be transferred.
    /// @dev Parameters (from, to, tokenId, data) are ignored; reverts with {SoulboundTokenNotTransferable}.
    function safeTransferFrom(address, address, uint256, bytes calldata) external pure {
        revert SoulboundTokenNotTransferable();
    }

    /// @notice Always reverts: soulbound tokens cannot be transferred.
    /// @dev Parameters (from, to, tokenId) are ignored; reverts with {SoulboundTokenNotTransferable}.
    function safeTransferFrom(address, address, uint256) external pure {
        revert SoulboundTokenNotTransferable();
    }

    /// @notice Always reverts: soulbound tokens cannot be transferred.
    /// @dev Parameters (from, to, tokenId) are ignored; reverts with {SoulboundTokenNotTransferable}.
    function transferFrom(address, address, uint256) external pure {
        revert SoulboundTokenNotTransferable();
    }

    /// @notice Always reverts: soulbound tokens cannot be approved for transfer.
    /// @dev Parameters (to, tokenId) are ignored; reverts with {SoulboundTokenNotTransferable}.
    function approve(address, uint256) external pure {
        revert SoulboundTokenNotTransferable();
    }

    /// @notice Always reverts: soulbound tokens cannot be approved for transfer.
    /// @dev Parameters (operator, approved) are ignored; reverts with {SoulboundTokenNotTransferable}.
    function setApprovalForAll(address, bool) external pure {
        revert SoulboundTokenNotTransferable();
    }

    /// @notice No account is ever approved; reverts with {ERC721NonexistentToken} for a token that does not exist.
    /// @param tokenId The token to query.
    /// @return The zero address.
    function getApproved(uint256 tokenId) external view returns (address) {
        ownerOf(tokenId);
        return address(0);
    }

    /// @notice No operator is ever approved.
    /// @dev Parameters (owner, operator) are ignored.
    /// @return Always false.
    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @inheritdoc IERC165
    /// @param interfaceId The ERC-165 interface id.
    /// @return True for ERC-165, ERC-721 and ERC-721 Metadata.
    function supportsInterface(bytes4 interfaceId) public view virtual override(ERC165, IERC165) returns (bool) {
        return
            interfaceId == type(IERC721).interfaceId ||
            interfaceId == type(IERC721Metadata).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    /// @dev The current holder of `tokenId`, or the zero address if it does not exist (or no longer exists).
    /// @param tokenId The token to look up.
    /// @return The holder, or the zero address.
    function _ownerOf(uint256 tokenId) internal view virtual returns (address);

    /// @dev How many tokens `owner` holds now.
    /// @param owner A non-zero account.
    /// @return The number of tokens held, 0 if none.
    function _balanceOf(address owner) internal view virtual returns (uint256);
}
